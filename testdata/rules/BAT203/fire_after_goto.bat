@echo off
goto end
net use h: \\server\home
call %0\..\smsls
:end
