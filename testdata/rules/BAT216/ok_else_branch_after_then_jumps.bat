@echo off
rem The text's ")" ends the else-branch early, but the then-branch always jumps away:
rem the pause now outside the block still runs only when the file is missing.
if exist "%~dp0app.cfg" (
  echo Settings found.
  goto :eof
) else (
  echo No settings file (app.cfg)
  pause
)
