@echo off
rem A DOS game menu: change into the game folder and run the game of that name.
choice /c:12 Pick
if errorlevel 2 goto quit
:game
cd \GAMES\ZORK
call ZORK
goto quit
:zork
echo never a subroutine
:quit
