@echo off
rem %NEXT% holds `exit /b` only when no argument was given: with one, the line after it runs.
set "NEXT=exit /b"
if not "%~1"=="" set "NEXT=echo checking %~1"
%NEXT%
if exist "%~1" echo found
else echo not found
