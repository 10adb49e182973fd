@echo off
rem Each run of the block flips the mode: the second test repeats the first word
rem for word and takes the same branch, which is the point of reading both at once.
set mode=%1
if "%2"=="go" (
  if not "%mode%"=="in" (echo leaving the category) else (set mode=1)
  if not "%mode%"=="in" (set mode=in)
)
echo %mode%
