@echo off
%0\..\checkras.exe > nul
if errorlevel 1 goto DIALIN
goto LAN
:DIALIN
echo You are connected over RAS.
:LAN
call %0\..\smsls
