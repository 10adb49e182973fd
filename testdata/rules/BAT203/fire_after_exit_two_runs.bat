@echo off
call :sub
exit /b 0
echo dead one
REM a comment does not end the run
echo still dead
:unused
echo still the same run
:sub
echo sub
goto :eof
echo dead two
