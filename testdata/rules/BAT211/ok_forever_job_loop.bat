@echo off
rem A job repeated for ever by design, under a one-time check that its script exists: the
rem loop runs a program each time and was never meant to stop on the `if exist`.
if exist "%~dp0refresh.ps1" (
    echo Refreshing policy every ten minutes.
    :again
    powershell -NoProfile -File "%~dp0refresh.ps1"
    timeout /t 600 /nobreak >nul
    goto again
) else (
    echo refresh.ps1 is missing.
)
