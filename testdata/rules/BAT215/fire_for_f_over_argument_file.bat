@echo off
rem FOR /F over (%1) reads the file the argument names, one pass a line: every pass
rem appends to the value from before the loop, so only the last line is kept.
set LIST=
for /f %%i in (%1) do set LIST=%LIST% %%i
echo %LIST%
