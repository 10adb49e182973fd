@echo off
call :cleanup
call %0\..\smsls
goto :eof
:cleanup
net use z: /delete
goto :eof
