@echo off
if "%OS%"=="Windows_NT" (setlocal & echo nt)
if "%OS%"=="Windows_NT" goto nt
echo win9x
goto end
:nt
setlocal
dir 2>nul || echo none
:end
