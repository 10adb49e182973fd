@echo off
call %0\..\a.bat done
%0\..\snboot.exe /s
