@rem Starts the report tool (wrapper template, 2017)
@if "%DEBUG%" == "" @echo off
if "%OS%"=="Windows_NT" setlocal
set DIRNAME=%~dp0
if "%DIRNAME%" == "" set DIRNAME=.
set APP_HOME=%DIRNAME%..
if defined TOOL_JAVA goto init
set TOOL_JAVA=java.exe
:init
@rem Get command-line arguments, handling Windows variants
if not "%OS%" == "Windows_NT" goto win9xME_args
if "%@eval[2+2]" == "4" goto 4NT_args

:win9xME_args
set CMD_LINE_ARGS=
:win9xME_args_slurp
if "x%~1" == "x" goto execute
set CMD_LINE_ARGS=%*
goto execute
:4NT_args
set CMD_LINE_ARGS=%$
:execute
"%TOOL_JAVA%" -cp "%APP_HOME%\lib\report.jar" Report %CMD_LINE_ARGS%
if "%OS%"=="Windows_NT" endlocal
