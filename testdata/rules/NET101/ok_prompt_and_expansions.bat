@echo off
psexec -p * \\pc01 ipconfig
psexec -u CORP\adm -p %ADMINPASS% \\pc01 ipconfig
net use y: \\srv\apps * /user:CORP\%USERNAME%
net use z: \\srv\apps %1 /user:CORP\%USERNAME%
for %%p in (a b) do net use w: \\srv\%%p %%p
schtasks /create /tn x /tr x.exe /sc onlogon /ru SYSTEM /rp ""
cmdkey /add:srv /user:u /pass
