@echo off
net use X: \\FILES\tools %LATEPWD% /user:CORP\admin
set LATEPWD=Autumn2001
