@echo off
rem Logon: SMS first, then the drives (the RAS check skips SMS).
%0\..\checkras.exe > nul
if errorlevel 1 goto drives
:sms
%0\..\smsls
:drives
net use h: /home
net use s: \\files\shared
