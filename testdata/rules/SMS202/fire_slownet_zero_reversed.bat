@echo off
REM Slownet threshold 0 returns 0 on RAS: this skips SMS on the LAN and runs it on RAS
%0\..\slownet.exe \\siteserver1\share 0
if errorlevel 1 goto END
call %0\..\smsls
:END
