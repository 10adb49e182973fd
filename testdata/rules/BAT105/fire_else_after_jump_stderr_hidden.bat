@echo off
set /a n=0
:count
set /a n+=1
if %n%==5 goto end
else goto count 2>nul
:end
echo %n%
