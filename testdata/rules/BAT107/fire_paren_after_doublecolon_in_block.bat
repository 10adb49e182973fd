@echo off
if exist %TEMP%\sms.flg (
  del %TEMP%\sms.flg
  :: flag removed
)
call %0\..\smsls
