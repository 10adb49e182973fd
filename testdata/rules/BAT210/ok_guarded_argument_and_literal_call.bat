@echo off
if "%~1"=="" goto usage
if %~1 LSS 1 goto usage
call :copyset 7
goto :eof
:copyset
if %1 EQU 7 echo copying set seven
goto :eof
:usage
echo usage: copyset N
