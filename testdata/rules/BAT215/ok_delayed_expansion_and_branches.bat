@echo off
setlocal EnableDelayedExpansion
rem Delayed expansion reads the new value; a read in the other branch of the IF that
rem sets the variable reads the value it should; a read inside the `set` itself adds to
rem the value from before, as meant.
if not defined target (
    set /p target=Target folder: 
    if /i "!target!"=="" set target=C:\Temp
) else (
    echo Using %target%
)
if exist "%~dp0extra" (
    set PATH=%PATH%;%~dp0extra
    set count=0
    for %%f in ("%~dp0extra\*.exe") do set /a count+=1
    echo !count! tools added
)
