@echo off
:: Output goes to > %TEMP%\sms.log
if not "%OS%"=="Windows_NT" goto end
REM NT only: a > b is ignored by cmd.exe
:end
