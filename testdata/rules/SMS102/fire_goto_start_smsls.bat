@echo off
GOTO START
:START
%0\..\SNBOOT.EXE %0 /s
:END
