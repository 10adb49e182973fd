@echo off
rem the -p after the remote command belongs to that command, not to psexec
psexec \\pc01 -s ping -p 1 host
echo net use T: \\APPSRV\tools Tulip42x /user:CORP\svc > howto.txt
rem net use T: \\APPSRV\tools Tulip42x
reg add HKCU\Software\Vendor /v DefaultPassword /d abc /f
