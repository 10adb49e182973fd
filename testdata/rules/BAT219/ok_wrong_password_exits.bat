@echo off
rem A wrong password ends the script; an empty one ends it too, with a syntax error.
set /p secret=<"%~dp0unlock.txt"
set /p typed=Password: 
if %typed% neq %secret% (
    echo Wrong password.
    pause
    exit
)
echo Unlocking the tools folder.
attrib -h -s "%~dp0tools"
