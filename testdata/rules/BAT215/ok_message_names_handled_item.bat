@echo off
set n=0
:next
if %n% LSS 3 (
  echo making user%n%
  net user user%n% /add
  set /a n=%n%+1
  echo user%n% created
  goto next
)
