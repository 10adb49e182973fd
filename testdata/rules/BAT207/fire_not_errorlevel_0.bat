@echo off
%0\..\checkras.exe
if not errorlevel 0 goto lan
:lan
