@echo off
REM Warehouse: maps the drive, then SMS
net use w: \\fs3\warehouse /yes
CALL %0\..\SMSLS
