@echo off
goto :eof
%0\..\SNBOOT.EXE %0 /s
