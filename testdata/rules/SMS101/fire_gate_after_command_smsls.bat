@echo off
net time \\DC1 /set /yes
GOTO END
%0\..\SNBOOT.EXE %0 /s
:END
