@echo off
if /i "%1"=="x" (echo a) else (echo b)
call :sub
dir 2>nul && echo ok
goto :eof
:sub
