@echo off
echo mapping drives
exit /b

REM the old drive table, kept for reference and never run
call :drivetable legacy 4
