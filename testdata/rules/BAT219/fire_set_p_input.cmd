@echo off
:ask
set /p SITECODE=Site code: 
if %SITECODE%==LAB goto lab
goto ask
:lab
echo lab site
