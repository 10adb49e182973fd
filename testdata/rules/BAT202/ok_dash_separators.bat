@echo off
call :inventory
exit /b
:---------------------------------------
:inventory
echo inventory
exit /b
:---------------------------------------
:software
echo software
exit /b
