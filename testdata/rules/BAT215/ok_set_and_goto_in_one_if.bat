@echo off
rem The SET and the GOTO run together: whenever the name changes, cmd.exe leaves the
rem block and reads it again with the new value.
set "work=%TEMP%\job"
:again
(
  if exist "%work%" set "work=%TEMP%\job.%RANDOM%" & goto again
  mkdir "%work%"
  echo using %work%
)
