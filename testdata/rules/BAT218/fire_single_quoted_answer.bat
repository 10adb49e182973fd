@echo off
set /p again=Play again? 
if %again%=='y' goto start
exit /b
:start
echo new round
