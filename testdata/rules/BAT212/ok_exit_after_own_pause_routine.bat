@echo off
call :check_space
echo space is fine, copying
goto :eof

:check_space
for /f "tokens=3" %%a in ('dir /-c ^| find "bytes free"') do set free=%%a
if %free% LSS 1000000 call :stop "Not enough disk space."
goto :eof

:stop
echo %~1
call :pause_any
exit 1

:pause_any
echo Press any key to close this window.
pause >nul
goto :eof
