@echo off
REM Logon script for ALICE (Finance)
net use h: \\FS1\home\alice /yes
net use s: \\FS1\finance /yes
net time \\DC1 /set /yes

REM Microsoft Systems Management Server (start)
REM SMS Build 1493
CALL %0\..\SMSLS
REM Microsoft Systems Management Server (end)
