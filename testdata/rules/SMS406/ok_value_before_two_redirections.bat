@echo off
rem Both redirections leave the value: TEMP is C:\Temp, no trailing space.
set TEMP=C:\Temp>nul 2>&1
call %0\..\smsls
