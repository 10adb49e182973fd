@echo off
rem Clearing a variable of that name restores the real exit code.
set ERRORLEVEL=
set "errorlevel="
xcopy /y a.txt b.txt
if %ERRORLEVEL% neq 0 echo Copy failed
set errorlevelfile=%TEMP%\el.txt
call :isfull NAME
exit /b %ERRORLEVEL%

:isfull
setlocal EnableDelayedExpansion
set "ErrorLevel=0"
if defined %1 set "ErrorLevel=3"
endlocal & exit /b %ErrorLevel%

:count
setlocal
set /a ErrorLevel=%~1+1
exit /b %ErrorLevel%
