@echo off
%0\..\checkras.exe > nul
REM wrong way round: errorlevel 1 means RAS
if not errorlevel 1 goto SKIPSMS
call %0\..\smsls
:SKIPSMS
