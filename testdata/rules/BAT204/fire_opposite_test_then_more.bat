@echo off
rem The opposite test is false after the hand-off, but the lines after it would still
rem have run: the drivers are never installed on the Y path.
set /p IMAGE=Apply the standard image? (Y or N): 
if /i "%IMAGE%"=="Y" "%~dp0apply-standard.cmd"
if /i not "%IMAGE%"=="Y" echo Keeping the current image.
"%~dp0install-drivers.cmd"
