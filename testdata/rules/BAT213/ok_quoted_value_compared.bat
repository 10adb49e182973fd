@echo off
set /p HOSTNAME_IN=Computer name: 
if "%HOSTNAME_IN%"=="" (
  echo No name given.
  goto :eof
)
rem a word that names no variable of this script
if release=="" echo never
echo Renaming to %HOSTNAME_IN%
