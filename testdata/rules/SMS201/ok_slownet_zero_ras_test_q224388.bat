@echo off
REM Q224388: with threshold 0, Slownet returns 0 on RAS: errorlevel 1 or more is the LAN
%0\..\slownet.exe \\siteserver1\share 0
if errorlevel 1 goto SMS
goto END
:SMS
call %0\..\smsls
:END
