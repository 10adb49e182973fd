@echo off
setlocal enabledelayedexpansion
rem The loop sets the colour again exactly as before it, from a value it never
rem changes: the value read at the loop's start is the same.
if "%dark%"=="1" (set gray=37) else (set gray=90)
for /l %%i in (1,1,3) do (
  set item=%gray%:%%i
  echo !item!
  if "%dark%"=="1" (set gray=37) else (set gray=90)
)
