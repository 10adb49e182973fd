@echo off
set "ready="
if exist "%TEMP%\setup.lock" (
    echo Waiting for setup to finish
    :wait
    if not exist "%TEMP%\setup.lock" goto finished
    timeout /t 5 >nul
    goto wait

    :finished
    :: setup is done: carry on below
    echo Setup finished.
)
echo Continuing.
