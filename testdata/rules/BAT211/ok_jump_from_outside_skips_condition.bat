@echo off
if "%1"=="force" goto inside
if exist %TEMP%\sms.flg (
:inside
  del %TEMP%\sms.flg
)
