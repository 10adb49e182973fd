@echo off
GOTO END
call %0\..\smsls
