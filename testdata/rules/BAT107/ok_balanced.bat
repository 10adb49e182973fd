@echo off
if exist %TEMP%\sms.flg (
  REM flag removed
  del %TEMP%\sms.flg
)
>nul 2>&1 del x.tmp
for %%i in (a b) do echo %%i
