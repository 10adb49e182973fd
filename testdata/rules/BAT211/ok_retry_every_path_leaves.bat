@echo off
rem A connection retry inside an IF: from the label, every path of the inner IF exits or
rem jumps back, so the outer `) else (` line is never reached as a plain line.
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
        start.cmd
    )
) else (
    echo Using %~1
)
