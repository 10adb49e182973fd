@echo off
if exist %windir%\system32\rasapi32.dll (
  goto ras
)
else (
  call %0\..\smsls
)
:ras
