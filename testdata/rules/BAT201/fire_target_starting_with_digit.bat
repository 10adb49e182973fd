@echo off
goto 1st_run
:first_run
echo inventory
