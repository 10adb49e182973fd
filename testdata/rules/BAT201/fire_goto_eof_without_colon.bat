@echo off
if "%1"=="" goto eof
echo %1
