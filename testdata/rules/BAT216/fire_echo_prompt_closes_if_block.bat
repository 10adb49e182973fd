@echo off
rem Load a saved game when there is one.
if exist save.txt (
    echo A saved game was found. Load it? (Y/N)
    set /p load=
    if /i "%load%"=="Y" call :load
)
echo starting
goto :eof
:load
echo loading
