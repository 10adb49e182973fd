@echo off
:menu
echo 1 - Clean the profile cache
echo 2 - Show the disk
echo 3 - Quit
set "C="
set /p C=Choice (1-3): 
if "%C%"=="1" goto clean
if "%C%"=="2" goto disk
if "%C%"=="3" goto :eof
rem the handlers
:clean
rd /s /q "%LOCALAPPDATA%\Temp\cache"
goto menu
:disk
dir C:\
goto menu
