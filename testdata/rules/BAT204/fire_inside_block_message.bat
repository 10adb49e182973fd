@echo off
if "%1"=="again" (
  "%~dp0inject.bat" --quiet
) else (
  set FIRST_RUN=1
)
echo setting up
