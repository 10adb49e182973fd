@echo off
:menu
echo 1) backup  2) restore
set /p c=Choice: 
if "%c%"=="1" goto one
if "%c%"=="2" goto two
goto menu
:one
cd tools
backup.bat
goto menu
:two
cd tools
restore.bat
goto menu
