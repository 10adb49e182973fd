@echo off
REM Q161293: NET TIME before SMSLS drops the connection on some NICs
net time \\dc1 /set /yes
call %0\..\smsls
