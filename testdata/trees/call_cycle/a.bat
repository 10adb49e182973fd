@echo off
if "%1"=="done" goto END
call %0\..\b.bat
:END
