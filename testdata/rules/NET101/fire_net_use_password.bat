@echo off
rem map the tools share with the service account
net use T: \\APPSRV\tools Tulip42x /user:CORP\svc_tools /persistent:no
