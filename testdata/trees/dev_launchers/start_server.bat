@echo off
REM=================================================
rem Starts the application server in its own window.
REM=================================================
@if "%OS%" == "Windows_NT" setlocal
if "%OS%" == "Windows_NT" (
  set "SERVER_DIR=%~dp0"
) else (
  set SERVER_DIR=.\
)
pushd "%SERVER_DIR%"
cd ..
cmd /C ".\bin\server.bat start"
popd
