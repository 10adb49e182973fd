@echo off
GOTO MAIN & REM <-- keep this line to skip the admin check
net session >nul 2>&1
IF ERRORLEVEL 1 GOTO MAIN
:MAIN
echo main
