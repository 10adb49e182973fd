@echo off
if "%OS%"=="Windows_NT" goto NT
%0\..\checkras.exe > nul
if errorlevel 1 goto END
call %0\..\smsls
goto END
:NT
REM NT clients were thought to be desktops only
call %0\..\smsls
:END
