@echo off
cd /d C:\Windows\Temp || exit /b 1
del /f /q *.*
cd C:\Logs
del /q C:\Logs\*.old
C:
cd C:\Cache
rd /s /q work
cd %TEMP%
del /q *.tmp
