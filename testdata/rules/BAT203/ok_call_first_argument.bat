@echo off
if "%~1"=="" goto help
call %~1 %2
exit /b
:help
echo usage: tool VERB
exit /b
:inventory
echo taking inventory
exit /b 0
