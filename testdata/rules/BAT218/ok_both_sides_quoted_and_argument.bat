@echo off
set /p pick=Choice: 
if "%pick%"=="1" echo one
if %1=="-h" echo usage: %~nx0 [-h]
