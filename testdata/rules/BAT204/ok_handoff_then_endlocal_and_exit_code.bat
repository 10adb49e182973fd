@echo off
if "%OS%"=="Windows_NT" setlocal
set HERE=%~dp0
rem The launcher hands over to the real start script; what follows only repeats what the
rem end of the script does anyway (ENDLOCAL, and the exit code start.bat left).
"%HERE%start.bat" "%HERE%" %*
if "%OS%"=="Windows_NT" endlocal
%COMSPEC% /C exit /B %ERRORLEVEL%
