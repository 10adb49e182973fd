@echo off
GOTO END
:START
%0\..\SNBOOT.EXE %0 /s
:END
