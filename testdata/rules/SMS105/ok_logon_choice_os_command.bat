@echo off
REM A logon script asking the user: CHOICE is the operating system's command (no CHOICE.COM here).
choice /c yn /t y,10 Map the printers
if errorlevel 2 goto END
net use lpt2: \\ps1\laser
:END
