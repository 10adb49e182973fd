@echo off
rem Values read from a save file by a redirected block are not typed at the console.
if not exist save.txt goto new
< save.txt (
  set /p level=
  set /p lives=
)
if %level% LSS 1 goto new
if %lives% GTR 9 goto new
goto play
:new
set level=1
set lives=3
:play
echo Level %level%, %lives% lives
