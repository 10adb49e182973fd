@echo off
REM Field sales: dial in over RAS
%0\..\checkras.exe > nul
if errorlevel 1 goto SKIPSMS
CALL %0\..\SMSLS
:SKIPSMS
