@echo off
if exist "%TEMP%\job.flag" (
  echo "job still running)
)
if "%1"=="clean (
  del /q out\*
)
