@echo off
if "%OS%"=="Windows_NT" goto NT
call %0\..\common.bat
goto END
:NT
call %0\..\common.bat
:END
