@echo off
rem `if errorlevel 1` is read when it runs; `pause` and `cls` leave ERRORLEVEL alone, so a
rem %ERRORLEVEL% after them still means the command before the block. A REM line's
rem %...% is never used.
"%~dp0check.exe"
if errorlevel 1 (
    echo The check failed.
    pause
    if %errorlevel% geq 4 echo Fatal: code %errorlevel%
    set stage=failed
    rem stage is now %stage%
    "%~dp0report.exe" /upload
    if errorlevel 1 echo Report failed
)
