@echo off
setlocal EnableDelayedExpansion
if "%OS%"=="Windows_NT" setlocal
rem Escape every | in the options before they reach java
set "OPTS=!OPTS:|=^|!"
if defined DEBUG echo !OPTS!
for /f "delims=" %%a in ('where java') do set "JAVA=%%a"
"%JAVA%" %OPTS% -jar "%~dp0tool.jar" %*
