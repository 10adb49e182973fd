@echo off
call :usage
exit /b
:_
:usage
echo usage: logon [ras]
exit /b
:_
:ras
echo slow link
exit /b
:_
