@echo off
goto begin
REM the gate was meant to be GOTO END
:begin
if "%OS%"=="Windows_NT" goto NT
%0\..\SMSBOOT1.EXE /s
goto END
:NT
%0\..\SNBOOT.EXE %0 /s
:END
