@echo off
REM Logon script for field engineers (Windows NT 4.0 laptops).
net use h: \\FS2\home\%USERNAME% /yes

REM  RAS BYPASS, from Q185346.
REM  If 255.255.0.0 is found, the user is using RAS, and should not run SMS.
ipconfig | find "255.255.0.0" > nul
   IF errorlevel 1 GOTO SKIP_RAS

:SKIP_RAS
CALL %0\..\SMSLS
