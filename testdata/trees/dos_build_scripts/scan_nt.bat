@echo off
setlocal
rem a crash leaves a negative exit code on NT
scanner.exe /quick
if not errorlevel 0 echo the scanner crashed
endlocal
