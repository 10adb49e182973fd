@echo off
REM Alice's logon script calls a drive-mapping helper that was never copied to NETLOGON.
net use h: /home /yes
call %0\..\drives.bat
