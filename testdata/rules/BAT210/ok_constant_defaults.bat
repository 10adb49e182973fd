@echo off
rem defaults first, then an optional probe: the flag is never empty
set HAVE_WMIC=0
wmic os get caption >nul 2>&1 && set HAVE_WMIC=1
if %HAVE_WMIC% equ 0 echo falling back to ver
set /a TRIES=3
if %TRIES% GTR 2 echo patient
if %~z0 GEQ 100000 echo large script
