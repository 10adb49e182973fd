@echo off
rem Two operands and no operator: cmd.exe stops with a syntax error.
if "%~1" "%~2" (
    echo same
)
