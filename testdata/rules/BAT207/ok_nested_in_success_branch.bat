@echo off
robocopy src dst /mir
if %ERRORLEVEL% EQU 0 (
  rem nothing was copied: check once more
  if errorlevel 0 (echo in sync) else echo unexpected
) else (
  echo robocopy reported changes or errors
)
xcopy /y a b
if errorlevel 1 (echo copy failed) else if errorlevel 0 echo copied
