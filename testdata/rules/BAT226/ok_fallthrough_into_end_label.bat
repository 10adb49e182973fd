@echo off
rem A timer menu: 0 (offered, not tested) and any other answer end the script
rem in its closing section, which stops the player it started first.
start "" "%USERPROFILE%\Videos\alarm.mp4"
echo 1. Start the timer again
echo 0. End the timer
set /p choice=Enter your choice (0-1): 
if "%choice%"=="1" goto start
if "%choice%"=="2" goto :end
:::::::::::::::::: End ::::::::::::::::::
:end
taskkill /IM vlc.exe /F
echo Goodbye!
pause
exit
:start
timeout /t 60
