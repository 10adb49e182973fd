@echo off
net use h: \\FS1\home\%USERNAME%
%0\..\checkras.exe > nul
REM errorlevel 0: on the LAN
if not errorlevel 1 call %0\..\smsls
