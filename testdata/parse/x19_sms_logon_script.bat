@echo off
REM SMS 2.0 logon script
if "%OS%"=="Windows_NT" goto NT
%0\..\SMSBOOT1.EXE
goto END
:NT
%0\..\SNBOOT.EXE /s
if errorlevel 1 goto ERROR
goto END
:ERROR
echo SMS client install failed >> %TEMP%\sms.log
:END
