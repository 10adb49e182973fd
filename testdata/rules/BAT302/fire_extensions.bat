@echo off
setlocal
set /a N=1+1
set /p ANSWER=Continue?
for /f "tokens=1" %%a in ('ver') do echo %%a
echo %~dp0 %* ^& done
if defined SMS_BIN echo %SMS_BIN:~0,3%
if %N% GEQ 2 echo two
endlocal
exit /b 0
