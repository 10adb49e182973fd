@echo off
REM cmd.exe aborts the batch at a GOTO whose label does not exist: still a gate.
GOTO FINISH
%0\..\SNBOOT.EXE %0 /s
