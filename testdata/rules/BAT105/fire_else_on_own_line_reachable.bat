@echo off
if exist C:\sms (
  echo client
)
else (
  echo no client
)
exit /b
