@echo off
%0\..\snboot.exe /s
call %0\..\loop1.bat
