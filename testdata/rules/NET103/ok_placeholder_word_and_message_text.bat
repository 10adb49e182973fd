@echo off
rem Neither value is a secret: a "not known yet" word and a message the script shows.
set PASSWORD=undetected
set "report_password=Reads saved browser passwords from profiles"
echo %PASSWORD%
echo.%report_password%
