@echo off
if exist %windir%\MS\SMS\CORE\BIN\Slownet.exe %windir%\MS\SMS\CORE\BIN\Slownet.exe %0
%SMS_LOCAL_DIR%\MS\SMS\BIN\x.exe
