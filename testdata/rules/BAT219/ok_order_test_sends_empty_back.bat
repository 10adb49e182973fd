@echo off
:ask
set n=
set /p n=How many (1-9)? 
rem An empty answer sorts below "0": ask again.
if /i "%n%" lss "0" goto ask
if /i "%n%" gtr "9" goto ask
if %n%==5 (echo five) else (echo other)
pause
goto ask
