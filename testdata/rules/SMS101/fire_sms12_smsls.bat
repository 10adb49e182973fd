@echo off
REM Microsoft Systems Management Server 1.2 logon script
:START
set SMS_P=%PATH%
set SMS_TEMP=123456789012345678901234567890123456789012345
if not "%SMS_TEMP%"=="123456789012345678901234567890123456789012345" goto LOW_ENV
set SMS_TEMP=
:FIND_OS
if "%OS%" == "Windows_NT" goto RUN_NT
set PATH=%0\..;%0\..\%SMS_BIN%;%PATH%
REM SNET_DOS
%0\..\netspeed
if errorlevel 2 goto END
if errorlevel 1 goto END
:RUN_DOS
%0\..\x86.bin\setls%SMS_OS% -m:E -i -p:%SMS_BIN%\CLI_DOS.EXE
%0\..\x86.bin\setls%SMS_OS% -m:E -p:%SMS_BIN%\INVDOS.EXE
goto RESTORE
:RUN_NT
%0\..\check20 /i
%0\..\x86.bin\setls32 -m:E -i -p:%SMS_BIN%\CLI_NT.EXE
%0\..\x86.bin\setls32 -m:E -p:%SMS_BIN%\INVWIN32.EXE
goto RESTORE
:LOW_ENV
command /e:2048 /c %0\..\smsls.bat
goto END
:RESTORE
set PATH=%SMS_P%
:END
set SMS_P=
%0\..\clrlevel
