@echo off
if errorlevel 1 goto fail
echo ok
goto :eof
:fail
echo failed
