@echo off
rem Either argument runs the same block: the jump skips the second test on purpose.
if "%~1"=="a" goto both
if "%~1"=="b" (
:both
  echo handling a or b
)
echo done
