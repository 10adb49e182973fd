%SMS_LOCAL_DIR%\MS\SMS\CORE\BIN\Slownet.exe %0
if errorlevel 1 goto END
%0\..\SMSBOOT1.EXE /s
:END
