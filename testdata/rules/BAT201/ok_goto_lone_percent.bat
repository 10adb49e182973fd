@echo off
:pick
set /p c=Colour (0-9, x = back): 
if /i "%c%"=="x" goto :eof
rem the lone percent is removed: this is "goto pick == 10"
goto pick% == 10
