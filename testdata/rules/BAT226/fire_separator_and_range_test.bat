@echo off
rem A separator line after the prompt, and a range test last: 0, 9 or a typo still falls
rem into the first option.
:menu
echo 1. Empty the recycle bin   2. Check disk   10. Quit
set /p opcao=Option: 
echo ------------------------------
if "%opcao%"=="1" goto opt1
if "%opcao%"=="2" goto opt2
if %opcao% geq 10 goto quit
:opt1
rd /s /q C:\$Recycle.bin
goto menu
:opt2
chkdsk C:
goto menu
:quit
