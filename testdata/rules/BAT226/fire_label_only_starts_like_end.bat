@echo off
rem A label that only starts like "end" is an option like any other.
:menu
echo 1. Configure the endpoint
echo 2. Show the log
set /p C=Choice: 
if "%C%"=="1" goto endpoint
if "%C%"=="2" goto log
:endpoint
netsh advfirewall set allprofiles state off
goto menu
:log
type "%TEMP%\setup.log"
goto menu
