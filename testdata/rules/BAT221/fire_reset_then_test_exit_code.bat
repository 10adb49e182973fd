@echo off
setlocal
rem Start from a clean exit code before the copy
set ERRORLEVEL=0
robocopy \\fs01\profiles\%USERNAME% "%USERPROFILE%\Backup" /e /r:1 /w:1
if %ERRORLEVEL% GEQ 8 (
    echo Profile copy failed.
    exit /b 1
)
echo Profile copied.
