@echo off
set /p ans=Overwrite (y/N)? 
if "%ans%"=="n" goto :eof
if "%ans%"=="N" goto skip_write
echo Writing.
