@echo off
REM Helper: starts the SMS 2.0 client bootstrap. Only ever called after a RAS check.
%0\..\snboot.exe %0 /s
