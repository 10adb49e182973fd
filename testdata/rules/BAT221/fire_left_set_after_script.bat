@echo off
set errorlevel=0
net use H: /delete /y >nul 2>&1
net use H: \\fs01\home\%USERNAME% /persistent:no
if errorlevel 1 echo Could not map H:
