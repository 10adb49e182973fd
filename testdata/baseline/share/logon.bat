@echo off
rem logon script of the head office
set SMS_BIN = x86.bin
net use T: \\APPSRV\tools Tulip42x /user:CORP\svc_tools
call :cleanup
call :cleanup
echo done
echo client files from %SMS_BIN%
