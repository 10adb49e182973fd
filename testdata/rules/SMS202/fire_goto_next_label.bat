@echo off
%0\..\checkras.exe > nul
if errorlevel 1 goto SKIP_RAS
:SKIP_RAS
call %0\..\smsls
