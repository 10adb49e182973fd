@echo off
call %0\..\smsls
net time \\dc1 /set /yes
