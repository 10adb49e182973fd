@echo off
net time \\dc1 /set /yes
call %0\..\smsls
