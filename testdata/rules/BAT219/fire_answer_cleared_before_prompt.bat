@echo off
rem The answer is cleared right before the prompt, so Enter leaves it empty and the
rem unquoted test becomes "if ==yes (", a syntax error that ends the tool.
:menu
set /p img=Image to flash: 
if "%img%"=="" goto menu
echo Flash %img% to the boot partition? [yes/no]
set ck=
set /p ck=
if %ck%==yes (fastboot flash boot "%img%") else (echo cancelled)
pause
goto menu
