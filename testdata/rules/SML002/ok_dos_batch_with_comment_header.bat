/* RUN.BAT */
echo off
sound.exe
game.exe
