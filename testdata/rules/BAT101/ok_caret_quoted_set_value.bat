@echo off
rem set ^"NAME=value^" is set "NAME=value" with both quotes escaped: the caret before the
rem closing quote is no part of the value, so %ARGS% does not continue the line.
set ^"ARGS=%*^"
if "%~1"=="" (
  echo no arguments
) else (
  echo %ARGS%
)
exit /b
