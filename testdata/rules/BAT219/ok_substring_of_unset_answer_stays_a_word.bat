@echo off
rem With no answer, cmd.exe leaves the word ~-1 in place of %reply:~-1%: a false test, no error.
:ask
set /p reply=Continue [Y/N]? 
if /i %reply:~-1% EQU Y goto go
echo Not yet.
goto ask
:go
echo Going on.
