@echo off
call %0\..\loop2.bat
