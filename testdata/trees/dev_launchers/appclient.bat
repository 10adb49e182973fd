@echo off
@if "%OS%" == "Windows_NT" setlocal
set SERVER_OPTS=%*
if "%OS%" == "Windows_NT" (
  set "DIRNAME=%~dp0%"
) else (
  set DIRNAME=.\
)
set "APP_HOME=%DIRNAME%.."
if not exist "%APP_HOME%\app-modules.jar" goto :eof
"%JAVA_HOME%\bin\java" -jar "%APP_HOME%\app-modules.jar" %SERVER_OPTS%
