@echo off
if "%1"=="clean" cleanup.bat
if "%1"=="clean" goto done
echo building
:done
