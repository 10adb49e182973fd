@echo off
rem quoted both sides
set /p pick=Your choice: 
if "%pick%"=="1" echo one
rem asked again on an empty answer
:again
set /p size=Size in MB: 
if not defined size goto again
if %size% GTR 100 echo large
rem a default the Enter key keeps
set mode=full
set /p mode=Mode [full]: 
if %mode%==full echo full backup
rem read from a file, not typed
set /p build=<"%~dp0build.txt"
if %build%==42 echo release
rem checked as a number first
set /p count=How many? 
set /a check=%count%
if errorlevel 1 goto :eof
if %count%==0 echo none
