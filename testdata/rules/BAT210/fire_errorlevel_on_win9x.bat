@echo off
REM smslint: targets=nt,win9x
myprog.exe
if %errorlevel%==0 goto ok
:ok
