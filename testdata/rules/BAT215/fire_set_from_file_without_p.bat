@echo off
rem `set name=<file` (meant as `set /p`) empties the variable; the test
rem in the same block still reads the value from before the block.
set version=
if exist "%~dp0.version" (
  set version=<"%~dp0.version"
  if "%version%"=="" set version=3.0
)
echo %version%
