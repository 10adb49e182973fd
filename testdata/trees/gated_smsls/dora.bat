@echo off
REM Dora runs the bootstrap herself: she needs her own gate
CALL %0\..\SMSLS
%0\..\smsboot1.exe /s
