@echo off
call :restart
goto :eof
:restart
echo Restarting to finish the installation...
shutdown -r -t 5
exit
