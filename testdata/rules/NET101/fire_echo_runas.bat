@echo off
echo Adm1nPass| runas /user:%COMPUTERNAME%\Administrator "regedit /s %0\..\policy.reg"
