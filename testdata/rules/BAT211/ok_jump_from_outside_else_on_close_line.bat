@echo off
if "%ASKED%"=="" (
:ask
  set /p answer="Delete the old logs (1 = yes, 2 = no)? "
) else set answer=%ASKED%
if "%answer%"=="" goto ask
echo %answer%
