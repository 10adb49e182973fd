@echo off
rem `[]` is the script's mark for "not set yet", which it tests for: no password.
set logonpassword=[]
:ask
set /p logonpassword=Choose a password: 
if "%logonpassword%"=="[]" goto ask
net user guestlab %logonpassword% /add
