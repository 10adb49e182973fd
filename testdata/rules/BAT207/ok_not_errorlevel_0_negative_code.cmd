@echo off
rem a tool that reports crashes: on NT a crash leaves a negative exit code
scanner.exe /quick
if not errorlevel 0 echo the scanner crashed
