@echo off
rem Installer download page, for the next time:
https://downloads.example.com/api/GetInstaller?fn=c2f39a&pt=0

powercfg /change standby-timeout-ac 0
echo power settings done
