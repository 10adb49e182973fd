@echo off
if "%OS%" == "Windows_NT" (
  set "HERE=%~dp0"
) else (
  set HERE=.\
)
pushd "%HERE%.."
set "TOOL_HOME=%CD%"
popd
set "CONF=%~dp0conf"
if "x%TOOL_HOME%" == "x" (
  echo no home
  goto :eof
)
if /i "%1" NEQ "quiet" echo Starting the tool from %TOOL_HOME%
call "%HERE%common.bat" :conf
"%TOOL_HOME%\bin\tool.exe" %*
