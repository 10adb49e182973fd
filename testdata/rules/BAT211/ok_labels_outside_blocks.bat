@echo off
:again
if exist %TEMP%\sms.flg (
  REM remove the flag
  del %TEMP%\sms.flg
  goto again
)
