@echo off
net use h: \\FS1\home\%USERNAME%
REM Microsoft Systems Management Server (start)
REM SMS Build 1493
%0\..\checkras.exe > nul
if errorlevel 1 goto SKIPSMS
call %0\..\smsls
:SKIPSMS
REM Microsoft Systems Management Server (end)
