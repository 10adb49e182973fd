@echo off
rem Waiting for a lock file to go away: the jump back lands inside the block, so the
rem `if exist` is never tested again and the wait never ends.
if exist "%TEMP%\inventory.lck" (
    echo Another inventory is running, waiting.
    :wait
    timeout /t 5 >nul
    goto wait
)
echo Starting the inventory.
