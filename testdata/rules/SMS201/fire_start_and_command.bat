@echo off
start "SMS" /wait %0\..\snboot.exe %0
command /e:2048 /c %0\..\smsls.bat
