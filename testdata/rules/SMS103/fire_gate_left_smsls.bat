@echo off
REM Upgrade window for SP2 (Q237543) -- remove afterwards!
GOTO END
REM Systems Management Server 2.0 logon script (site A01)
if "%OS%"=="Windows_NT" goto NT_CHECK
if not "%TEMP%"=="" goto OK_TO_PROCEED
goto END

:NT_CHECK
if exist %SMS_LOCAL_DIR%\MS\SMS\CORE\BIN\Slownet.exe goto OK_TO_PROCEED

:SLOWNETSERVER
%0\..\SNBOOT.EXE %0 /s
goto END

:OK_TO_PROCEED
%SMS_LOCAL_DIR%\MS\SMS\CORE\BIN\Slownet.exe %0
if errorlevel 1 goto END
%0\..\SMSBOOT1.EXE /s

:END
