@echo off
%0\..\CHECKRAS.EXE
if errorlevel 1 goto SKIP_SMS
call %0\..\SMSLS.BAT
:SKIP_SMS
net use Z: \\SERVER\APPS
