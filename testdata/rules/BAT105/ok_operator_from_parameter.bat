@echo off
rem ifn.bat: compare.bat 5 GTR 3 runs the then-block; the operator is the second argument,
rem expanded before IF reads the line.
if %1 %2 %3 (echo true) else echo false
if "%~1" %~2 "%~3" (exit /b 0) else shift & shift & shift
set "op=%~2"
if %1 %op% %3 (echo true) else echo false
rem Four or five parameters before the block: `/i a == b` or `not a == b`.
if %~2 %3 %~4 %5 <nul ( exit /b 0 ) else shift & shift & shift & shift & shift
