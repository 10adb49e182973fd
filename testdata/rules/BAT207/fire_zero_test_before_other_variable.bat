@echo off
rem The first test sets another variable than the next one: not a ladder default.
findcd.exe
if errorlevel 0 set FOUND=yes
if errorlevel 1 set CDROM=E:
