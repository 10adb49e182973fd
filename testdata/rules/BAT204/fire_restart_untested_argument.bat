@echo off
if "%1"=="phase2" goto phase2
d:
cd \
fire_restart_untested_argument.bat again
echo never printed
:phase2
echo Installing
