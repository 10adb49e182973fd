@echo off
rem The error screen prints through a routine of its own, then asks again.
:login
set /p who=Name: 
if /i "%who%"=="operator" goto console
if /i "%who%"=="retry" goto wrong
:wrong
call :banner "That name is not on the list."
pause
goto login
:console
echo Welcome
exit /b
:banner
echo ======== %~1 ========
goto :eof
