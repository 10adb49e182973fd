@echo off
setlocal
if not exist "%ProgramFiles%\Tool\tool.exe" call :ShowError "Tool is not installed"
"%ProgramFiles%\Tool\tool.exe" /sync
if errorlevel 1 call :ShowError "sync failed"
echo synced
goto :eof

:ShowError
echo ERROR: %~1 1>&2
exit 1
