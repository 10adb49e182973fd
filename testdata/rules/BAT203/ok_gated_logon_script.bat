@echo off
REM upgrade window: gate on
GOTO END
call %0\..\checkras.exe
if errorlevel 1 goto END
call %0\..\smsls
:END
