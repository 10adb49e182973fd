@echo off
if "%1"=="-r" shift
if "%1"=="clean" cleanup.bat
echo building
