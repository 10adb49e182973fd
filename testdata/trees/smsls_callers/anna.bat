@echo off
REM Finance: no RAS check before SMS
net use s: \\fs1\finance /yes
CALL %0\..\SMSLS
