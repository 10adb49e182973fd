@echo off
if not exist "%~dp0agent.exe" call :notify "agent.exe is missing" 1
start "" "%~dp0agent.exe"
goto :eof

:notify
set "stop=%~2"
msg "%USERNAME%" %~1
if "%stop%"=="1" ( timeout /t 10 & exit )
goto :eof
