@echo off
if "%OS%"=="Windows_NT" goto nt
echo DEPTH=1>%TEMP%\depth.txt
goto end
:nt
>%TEMP%\depth.txt echo DEPTH=1
:end
