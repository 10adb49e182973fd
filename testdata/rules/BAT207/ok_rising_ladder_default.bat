@echo off
rem A boot disk finds the CD drive: the always-true first step is the default letter,
rem which each higher test overwrites.
findcd.exe
if errorlevel 0 set CDROM=D:
if errorlevel 1 set CDROM=E:
if errorlevel 2 set CDROM=F:
mscdex /d:cd001 /l:%CDROM:~0,1%
