@echo off
checkras > nul
if errorlevel 1 goto SKIPSMS
call smsls
:SKIPSMS
