@echo off
call :check
echo continue logon
goto end
:check
if not exist h:\ (echo No home drive & exit)
:end
