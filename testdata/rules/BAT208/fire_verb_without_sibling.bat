@echo off
goto %1
:deploy
call stage release/2024
exit /b
:stage
echo staging %2
exit /b
