@echo off
rem An empty right operand makes IF compare with the next word (goto): the loop
rem runs on, but no syntax error stops the script.
set /p n=Count to: 
set /a c=0
:loop
set /a c+=1
echo %c%
if %c%==%n% goto done
if %c% GEQ 100 goto done
goto loop
:done
echo finished
