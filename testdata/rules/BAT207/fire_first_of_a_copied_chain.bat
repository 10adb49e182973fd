@echo off
rem Only the first test of the copied chain is reported: the ones after it run only
rem after a negative exit code.
find /i "x" list.txt >nul & if errorlevel 0 goto found
find /i "x" old.txt >nul & if errorlevel 0 goto found
if exist new.txt (find /i "x" new.txt >nul & if errorlevel 0 goto found)
exit /b 1
:found
echo found
