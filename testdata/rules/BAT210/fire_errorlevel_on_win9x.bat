@echo off
myprog.exe
if %errorlevel%==0 goto ok
:ok
