@echo off
if "%1"=="phase2" goto phase2
if "%1"=="phase3" goto phase3
echo Copying the installer to the RAM drive
copy ok_restart_at_stage.bat d:\ >nul
d:
cd \
ok_restart_at_stage.bat phase2
:noram
echo The RAM drive is missing: installing from the floppy
:phase2
echo Installing
if not exist c:\tools\nul ok_restart_at_stage.BAT phase3
:phase3
echo Done
