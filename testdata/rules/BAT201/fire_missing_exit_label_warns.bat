@echo off
set /p ok=Continue [y/n]? 
if /i "%ok%"=="n" goto EOF
if /i "%ok%"=="y" goto work
goto :Exit
:work
echo working
