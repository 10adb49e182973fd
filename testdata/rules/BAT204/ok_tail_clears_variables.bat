@echo off
call pick.bat
if "%CHOICE%"=="" goto end
echo wmake %CHOICE% > RUNTMP.BAT
set CHOICE=
RUNTMP.BAT
:end
set CHOICE=
