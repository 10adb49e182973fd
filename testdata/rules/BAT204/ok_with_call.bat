@echo off
call %0\..\smsls
call \\dc1\netlogon\drives.bat
echo done
