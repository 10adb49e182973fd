@echo off
REM Copy the configuration from -> to the user folder
copy c:\tools\config1.pro c:\tools\config_user.pro
echo Config copied
pause
