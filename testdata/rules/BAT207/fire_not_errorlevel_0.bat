@echo off
rem smslint: targets=nt,win9x
%0\..\checkras.exe
if not errorlevel 0 goto lan
:lan
