@echo off
set edition=
ver | findstr /c:"Version 6.1" >nul && if errorlevel 0 set edition=win7
ver | findstr /c:"Version 10." >nul || if errorlevel 0 echo not Windows 10
echo edition: %edition%
