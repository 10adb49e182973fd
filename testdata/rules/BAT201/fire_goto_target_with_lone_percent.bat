@echo off
xcopy /e /y "%~dp0profile" "%APPDATA%\Tool\" >nul
if errorlevel 1 goto failed%
exit /b 0
:fail
echo Copy failed.
exit /b 1
