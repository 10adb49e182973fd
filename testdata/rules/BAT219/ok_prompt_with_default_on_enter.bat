@echo off
rem SET /P fails on Enter, so the || branch gives the answer its default.
:menu
echo 1. Scan  2. Quit
set /p "choice=# > " || set choice=1
if %choice%==1 goto scan
if %choice%==2 goto :eof
goto menu
:scan
echo scanning
