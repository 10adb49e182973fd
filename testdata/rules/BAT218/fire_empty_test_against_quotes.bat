@echo off
set target=
set /p target=Copy to which folder? 
if %target%=="" goto usage
xcopy /e /i src "%target%"
goto :eof
:usage
echo Give a folder.
