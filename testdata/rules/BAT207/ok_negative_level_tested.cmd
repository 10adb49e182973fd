@echo off
rem :parse returns -1 for help: on NT `if errorlevel 0` is false for it, and the
rem next test catches it.
call :parse %1
if errorlevel 0 goto run
if errorlevel -1 goto help
:run
echo running
goto :eof
:help
echo usage: tool [/h]
goto :eof
:parse
if "%~1"=="/h" exit /b -1
exit /b 0
