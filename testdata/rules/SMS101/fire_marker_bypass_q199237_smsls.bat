@echo off
REM Q199237: keep visiting SMS 1.2 clients out of this SMS 2.0 site.
REM A conditional bypass is not an upgrade gate.
if exist c:\KeepIt12.txt goto end
%0\..\SNBOOT.EXE %0 /s
:end
