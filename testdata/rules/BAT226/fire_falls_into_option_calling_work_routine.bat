@echo off
rem The routine the fallen-into option calls does work (it resets the adapter).
:ask
set /p m=Mode (s)tatic or (d)hcp: 
if /i "%m%"=="s" goto static
if /i "%m%"=="d" goto dhcp
:dhcp
call :reset
goto ask
:static
echo static chosen
exit /b
:reset
echo Resetting...
netsh interface ip set address "Ethernet" dhcp
goto :eof
