@echo off
if exist %TEMP%\sms.flg (
:again
  del %TEMP%\sms.flg
  goto again
)
