@echo off
set "SITE =ABC"
set /p ANSWER =Continue? 
if /i "%ANSWER%"=="y" echo installing site %SITE%
