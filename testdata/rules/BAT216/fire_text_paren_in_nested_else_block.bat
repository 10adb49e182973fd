@echo off
if "%~1"=="" (
    echo No share given.
) else (
    if exist "%~1\" (
        echo Mapping %~1 (read only) now
    ) else (
        echo Share not found.
    )
)
