@echo off
if exist "%~dp0patch\update.msu" (
  echo Installing the update...
  wusa.exe "%~dp0patch\update.msu" /quiet /norestart
  set RESULT=%ERRORLEVEL%
)
if "%RESULT%"=="3010" echo A restart is needed.
