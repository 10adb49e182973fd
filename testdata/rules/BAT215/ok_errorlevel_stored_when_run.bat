@echo off
setlocal EnableDelayedExpansion
if exist "%~dp0patch\update.msu" (
  echo Installing the update...
  wusa.exe "%~dp0patch\update.msu" /quiet /norestart
  set RESULT=!ERRORLEVEL!
)
if exist "%~dp0patch\second.msu" (
  wusa.exe "%~dp0patch\second.msu" /quiet /norestart
  call set SECOND=%%ERRORLEVEL%%
)
wusa.exe "%~dp0patch\third.msu" /quiet /norestart
set THIRD=%ERRORLEVEL%
echo %RESULT% %SECOND% %THIRD%
