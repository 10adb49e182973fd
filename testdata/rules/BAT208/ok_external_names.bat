@echo off
call netlogon
call drives.bat
:other
