@echo off
if not "%OS%"=="Windows_NT" goto w9x
setlocal
call :sub
goto end
:sub
goto :eof
:w9x
if "%1"=="x" echo a
if not "%1"=="x" echo b
:end
