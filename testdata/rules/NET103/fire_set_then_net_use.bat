@echo off
set ADMINPWD=Winter2001
net use X: \\FILES\tools %ADMINPWD% /user:CORP\admin
