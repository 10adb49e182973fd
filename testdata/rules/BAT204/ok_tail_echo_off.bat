@echo off
if "%~1"=="" goto :eof
echo Building %~1
@echo on
build-%~1.cmd --verbose
@echo off
exit /b
