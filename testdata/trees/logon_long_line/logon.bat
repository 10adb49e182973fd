@echo off
net use H: /home
call %0\..\printers.bat
