@echo off
rem One named exit point: every caller means to end the whole tool with the code it logs.
setlocal
call :install
if errorlevel 1 (
    set result=install failed
    call :quit_tool 1
)
call :report
call :quit_tool 0

:install
copy /y app.exe "%ProgramFiles%\App\" >nul
exit /b %errorlevel%

:report
echo installed
exit /b 0

:quit_tool
echo %date% %time% %result% >> "%TEMP%\install.log"
exit %1
