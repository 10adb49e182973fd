@echo off
set "SVC_PASSWORD=Blue Sky 9"
set SVC_USER=CORP\svc_inv
schtasks /create /tn Inventory /tr inv.exe /sc onlogon /ru %SVC_USER% /rp "%SVC_PASSWORD%"
