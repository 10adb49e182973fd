@echo off
rem The answer is compared inside the block that asks for it: `%mode%` is expanded when
rem cmd.exe reads the whole block, before the prompt runs, so the test never sees the
rem answer, whatever the user types. That is BAT215's finding (stale expansion), not an
rem Enter pressed at the prompt.
if exist "%~dp0accounts.txt" (
    set /p mode=Add or remove the accounts? [a/r]
    if %mode%==a (
        echo adding
    ) else (
        echo removing
    )
)
