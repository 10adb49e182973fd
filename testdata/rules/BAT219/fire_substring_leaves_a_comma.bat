@echo off
rem With no answer, %reply:~0,1% leaves ~0,1, and its comma breaks the IF line.
:ask
set /p reply=Continue [Y/N]? 
if /i %reply:~0,1% EQU Y goto go
echo Not yet.
goto ask
:go
echo Going on.
