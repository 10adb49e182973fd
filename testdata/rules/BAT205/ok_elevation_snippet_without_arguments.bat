@echo off
rem Ask for admin rights. This script takes no arguments.
net session >nul 2>&1
if %errorlevel% == 0 goto admin
set params = %*:"=""
echo UAC.ShellExecute "cmd.exe", "/c %~s0 %params%", "", "runas", 1 > "%temp%\getadmin.vbs"
"%temp%\getadmin.vbs"
exit /b
:admin
cd /d "%~dp0"
echo cleaning up
