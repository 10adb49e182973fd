@echo off
rem A jump from outside into the then-block of an IF that has an ELSE: read as plain lines,
rem the else-branch runs too.
if "%1"=="force" goto inside
if exist %TEMP%\sms.flg (
  if "%2"=="log" (
:inside
    del %TEMP%\sms.flg
  )
) else (
  echo no flag
)
