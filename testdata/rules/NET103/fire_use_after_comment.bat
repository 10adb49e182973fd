@echo off
set ADMIN_PASSWORD=Str0ngSecret
:: net use x: \\srv\share %ADMIN_PASSWORD%
net use x: \\srv\share %ADMIN_PASSWORD% /user:admin
