@echo off
prunsrv install MyService
if errorlevel 8 goto exists
if errorlevel 0 goto installed
:exists
echo already there
goto :eof
:installed
echo installed
