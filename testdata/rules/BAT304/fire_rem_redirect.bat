@echo off
REM Output goes to > %TEMP%\sms.log
call %0\..\smsls
