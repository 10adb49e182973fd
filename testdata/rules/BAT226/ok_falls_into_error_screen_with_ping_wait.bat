@echo off
rem A wrong name falls into the error screen, which waits and asks again: nothing runs.
:login
set /p who=Name: 
if /i "%who%"=="operator" goto console
if /i "%who%"=="retry" goto wrong
:wrong
echo That name is not on the list.
ping -n 4 127.0.0.1 >nul
goto login
:console
echo Welcome
exit /b
