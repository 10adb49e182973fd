@echo off
if not "%OS%"=="Windows_NT" goto Err9X
call :main
goto :eof

:Err9X
echo Error: Does not work on Windows 9x
goto eof

:main
echo NT
exit /b
