@echo off
rem The hand-off runs only when the answer is Y; the next line tests the opposite (false
rem on that path) and the end follows: nothing the hand-off skips would have run.
set /p IMAGE=Apply the standard image? (Y or N): 
if /i "%IMAGE%"=="Y" "%~dp0apply-standard.cmd"
if /i not "%IMAGE%"=="Y" goto done
:done
exit
