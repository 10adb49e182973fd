@echo off
rem Both steps test "1" (the second was copied and never changed); each hands over to the
rem tool's own menu, and with CALL both would run.
set /p choice="1 = printers, 2 = drives: "
if "%choice%"=="1" (
    cd printers
    menu.bat
)
if "%choice%"=="1" (
    cd drives
    menu.bat
)
