@echo off
rem Meant for Windows 9x too: %OS% is empty there, so neither test is true and
rem SETLOCAL runs only where OS is set.
if "%OS%"=="Windows_NT" @setlocal
if "%OS%"=="WINNT" @setlocal
set TOOL_HOME=C:\tool
if "%OS%"=="Windows_NT" @endlocal
if "%OS%"=="WINNT" @endlocal
