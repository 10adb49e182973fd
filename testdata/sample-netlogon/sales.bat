@echo off
REM Logon script for the Sales group: laptops that dial in over RAS.
net use h: \\FS2\home\%USERNAME% /yes
net use p: \\FS2\pricelists /yes

REM Microsoft Systems Management Server (start)
REM Skip SMS over dial-up links (Q185346, Q237543).
%0\..\checkras.exe > nul
if errorlevel 1 goto SKIPSMS
CALL %0\..\SMSLS
:SKIPSMS
REM Microsoft Systems Management Server (end)
