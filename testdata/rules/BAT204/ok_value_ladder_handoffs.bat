@echo off
setlocal EnableDelayedExpansion
:ask
set /p answer="Update the module now (Yes/No)? "
if /i "!answer!"=="Yes" (
    start "" "https://example.org/changes"
    "%~dp0modules\loader.bat" -update
)
if /i "!answer!"=="No" "%~dp0modules\loader.bat" -skip
echo Please answer Yes or No.
goto ask
