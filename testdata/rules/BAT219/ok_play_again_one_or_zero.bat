@echo off
rem "Play again? 1=yes 0=no" at the end: 0 ends the script, so an empty answer stopping
rem it at the first test ends it where "no" would.
:round
set /a secret=%random% %% 10
echo Guess the number I picked (0-9), then press Enter.
set /p guess=
if "%guess%"=="%secret%" (echo Right!) else (echo It was %secret%.)
echo Play again? 1=yes 0=no
set /p again=
if %again% equ 1 goto round
if %again% neq 0 goto round
pause
