@echo off
if not "%OS%"=="Windows_NT" goto end
if %ERRORLEVEL%==0 echo ok
:end
