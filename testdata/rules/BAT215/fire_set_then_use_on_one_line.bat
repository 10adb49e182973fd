@echo off
rem A value set and used on one line joined with &: the use sees the old value.
if "%1"=="" (set logfile=%TEMP%\logon.log) & echo Logging to %logfile%
set server=\\fs01 & net use h: %server%\home
