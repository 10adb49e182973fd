@echo off
call Tools\Drives.bat
