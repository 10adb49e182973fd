@echo off
rem The same retry, but the success branch only prints: after a GOTO to the label, cmd.exe
rem reads the lines as plain lines, so the outer else-branch runs too.
setlocal enabledelayedexpansion
if "%~1"=="" (
    set /a attempts=0
    :try_again
    set /a attempts+=1
    ping -n 1 intranet.local | find "TTL=" >nul
    if errorlevel 1 (
        if !attempts! lss 3 goto try_again
        echo The server does not answer.
        exit /b 1
    ) else (
        echo Connected.
    )
) else (
    echo Using %~1
)
