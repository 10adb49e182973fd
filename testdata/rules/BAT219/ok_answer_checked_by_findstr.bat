@echo off
rem The answer goes through findstr first: an empty answer echoes "ECHO is off.", which
rem is not all digits, so the script asks again before any unquoted test.
:ask
set /p count=How many copies (1-9)? 
echo %count%| findstr /r "^[1-9]$" >nul
if errorlevel 1 goto ask
if %count% gtr 5 echo That is a lot of copies.
echo Printing %count% copies.
