@echo off
if exist %windir%\system32\rasapi32.dll (
  goto ras
) else (
  call %0\..\smsls
)
:ras
if 1==1 (echo a) else echo b
