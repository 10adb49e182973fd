@echo off
%0\..\checkras.exe
if errorlevel 0 goto lan
:lan
