@echo off
set "SITE =ABC"
set /p ANSWER =Continue? 
