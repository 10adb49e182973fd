@echo off
call :log started
echo mapping drives
:log
echo %~1>>%TEMP%\logon.log
exit
