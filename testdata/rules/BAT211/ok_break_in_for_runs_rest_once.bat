@echo off
setlocal enabledelayedexpansion
rem Look for the first drive with a backup folder; stop looking once one is found.
for %%d in (D E F G) do (
  set "drv=%%d"
  if exist "!drv!:\Backup\" goto found_drive
:found_drive
  if exist "!drv!:\Backup\" echo using !drv!:
)
