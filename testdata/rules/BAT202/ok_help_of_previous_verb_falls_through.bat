@echo off
goto %1
:run
if "%~2"=="" goto help
start "" %2
exit/b
:help
echo Parameter 2: the program to start.
:build
if "%~2"=="" goto help
make %2
exit/b
:help
echo Parameter 2: the target to build.
