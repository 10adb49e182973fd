@echo off
:menu
set /p pick=Option: 
if "%pick%"=="r" goto menu
if %pick%==1 echo Mapping drives
net time \\files /set /y
