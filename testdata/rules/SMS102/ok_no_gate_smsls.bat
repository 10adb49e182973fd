@echo off
%0\..\SNBOOT.EXE %0 /s
