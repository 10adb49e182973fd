@echo off
:ask
set n=
set /p n=How many? 
rem The bound starts with a blank, which sorts before the quote: Enter passes.
if /i "%n%" lss " 0" goto ask
if %n%==5 (echo five) else (echo other)
pause
goto ask
