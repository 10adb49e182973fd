@echo off
rem The exit code glued to /b (`exit /b1`) is still EXIT /B: the subroutine returns.
call :check
if errorlevel 1 echo not ready
goto :eof
:check
if not exist ready.flag exit /b1
exit /b0
