@echo off
rem LH only on the Windows 9x side: cmd.exe runs the ECHO and reads the 1 as a handle.
if "%OS%"=="Windows_NT" goto nt
lh c:\net\lsl
goto done
:nt
echo @set nboard=1>c:\net\eth.bat
:done
