@echo off
set n=0
:next
if %n% LSS 3 (
  set /a n=%n%+1
  echo now at %n%
  net user user%n% /add
  goto next
)
