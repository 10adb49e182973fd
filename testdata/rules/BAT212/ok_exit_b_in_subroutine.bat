@echo off
call :map
call %0\..\smsls
exit
:map
net use h: /home
exit /b
