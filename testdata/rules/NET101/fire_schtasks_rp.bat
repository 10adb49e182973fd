@echo off
schtasks /create /tn Inventory /tr "%0\..\inv.exe" /sc onlogon /ru CORP\inventory /rp Count3r
