@echo off
:ask
set /p name=Name: 
if not defined name goto ask
rem A C-style "comment": cmd.exe cannot find a program `//if`, so the `&&` never jumps.
//if not exist "users\%name%" ((call invalid.cmd) && goto ask_again)
echo Hello %name%
