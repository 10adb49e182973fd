@echo off
call :sub
goto :eof
:sub
echo sub
