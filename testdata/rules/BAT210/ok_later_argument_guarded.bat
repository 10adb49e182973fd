@echo off
rem three arguments are required; when the third is there, so are the first two
if "%~3"=="" goto usage
if %1 GTR 2000 echo recent year
goto :eof
:usage
echo usage: datecheck YEAR MONTH DAY
