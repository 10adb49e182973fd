@echo off
%0\..\checkras.exe
if errorlevel 1 goto skip
%0\..\smsls.bat
:skip
echo Logon complete for %USERNAME%
