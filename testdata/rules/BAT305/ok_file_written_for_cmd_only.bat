@echo off
setlocal EnableExtensions
rem Start the report server (cmd.exe only: setlocal, blocks, %~dp0)
if "%OS%" == "Windows_NT" (
  set "BASE=%~dp0"
) else (
  set BASE=.\
)
if not defined JAVA_HOME (
  echo Set JAVA_HOME first.
  exit /b 1
)
"%JAVA_HOME%\bin\java" -jar "%BASE%report-server.jar" %*
