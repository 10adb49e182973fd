@echo off
rem build the game with the DOS compiler
tcc -ml game.c
if not errorlevel 0 goto failed
echo built
goto end
:failed
echo build failed
:end
