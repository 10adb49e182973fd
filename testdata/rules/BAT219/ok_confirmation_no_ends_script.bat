@echo off
rem A destructive step confirmed with Y: any other answer ends the script, so an empty
rem answer stopping it with a syntax error at the test ends it where "no" would.
echo All data on disk 0 will be erased.
set /p WIPE=Type Y to continue: 
if %WIPE%==y set WIPE=Y
if not %WIPE%==Y goto cancelled
diskpart /s "%~dp0wipe-disk0.txt"
echo Disk 0 prepared.
goto :eof

:cancelled
echo Nothing was changed.
pause
exit
