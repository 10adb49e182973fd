@echo off
if exist sms.flg (
  :retry
  del sms.flg
  if exist sms.flg goto retry
) else (
  echo no flag
)
