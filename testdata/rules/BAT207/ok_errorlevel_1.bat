@echo off
%0\..\checkras.exe
if not errorlevel 1 goto lan
if errorlevel 10 goto x
:lan
:x
