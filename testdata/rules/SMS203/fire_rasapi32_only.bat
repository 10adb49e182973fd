@echo off
if exist %windir%\system32\rasapi32.dll goto SKIPSMS
call %0\..\smsls
:SKIPSMS
