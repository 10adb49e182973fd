@echo off
rem "Game over" shows its message for a few seconds (the ping delay) and ends the game.
:loop
call :step
goto loop

:step
if "%random:~-1%"=="7" goto lost
goto :eof

:lost
echo Game over.
ping -n 3 127.0.0.1 >nul
exit
