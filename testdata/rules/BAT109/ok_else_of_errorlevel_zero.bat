@echo off
setlocal enabledelayedexpansion
if ERRORLEVEL 0 (
    echo Using the default settings
) else (
    :: the old code path
    :: kept for reference
    echo never
)
