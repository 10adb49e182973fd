@echo off
setlocal
if "%1"=="" (
 set ERRORLEVEL=3
 goto :end
)
fc %1 expected.txt
:end
exit /b %ERRORLEVEL%
