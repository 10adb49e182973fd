@echo off
rem Runs the packager; the Windows 9x branch reads its arguments one by one.
if "%OS%"=="Windows_NT" setlocal
if not "%OS%"=="Windows_NT" goto win9xArgs
set ARGS=%*
goto run
:win9xArgs
set ARGS=%1 %2 %3
if not "%~4"=="" echo too many arguments
:run
java -jar pack.jar %ARGS%
if "%OS%"=="Windows_NT" endlocal
