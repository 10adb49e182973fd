@echo off
%0\..\checkras.exe > nul
if errorlevel 1 goto SKIPSMS
call %0\..\smsls
"%0\..\netspeed.com"
%0\..\clrlevel
:SKIPSMS
