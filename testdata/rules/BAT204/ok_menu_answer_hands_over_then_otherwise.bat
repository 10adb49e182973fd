@echo off
rem A menu whose one answer hands over to another menu script, and a GOTO right after it
rem for every other answer: the GOTO is the "otherwise", which the hand-off skips on
rem purpose (with CALL, leaving the tools menu would print "not an option").
:menu
echo 1) Network tools
set /p pick=Choose: 
if "%pick%"=="1" "%~dp0nettools.bat"
goto unknown
:unknown
echo Not an option.
goto menu
