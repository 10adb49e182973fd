@echo off
if exist %windir%\system32\RASAPI32.DLL goto RAS_STATUS
goto RUN_SMS
:RAS_STATUS
%0\..\checkras.exe > nul
if errorlevel 1 goto END
:RUN_SMS
call %0\..\smsls
:END
