@echo off
if exist %windir%\system32\rasapi32.dll (
    goto ras
:lan
call %0\..\smsls
:ras
