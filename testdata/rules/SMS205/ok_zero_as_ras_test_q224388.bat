REM Q224388: with threshold 0 Slownet returns 0 when RAS is detected.
%SMS_LOCAL_DIR%\MS\SMS\CORE\BIN\Slownet.exe \\SMS01\SMSLOGON 0 /v
if not errorlevel 1 goto END
%0\..\SMSBOOT1.EXE /s
:END
