@echo off
call :install
goto :eof
:install
call :copyfiles
echo copied, now registering
regsvr32 /s "%~dp0agent.dll"
goto :eof
:copyfiles
xcopy /y "%~dp0files" "C:\Agent\"
exit
