@echo off
rem Runs itself maximised; in that copy the bare EXIT in :prepare still ends everything before the copy step.
if not "%~1"=="max" start "" /max cmd /c "%~f0" max ^& exit /b
call :prepare
xcopy /y "%~dp0config\*.ini" "%appdata%\tool\"
exit /b

:prepare
if not exist "%appdata%\tool" md "%appdata%\tool"
exit
