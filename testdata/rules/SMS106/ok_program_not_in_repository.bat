@echo off
REM A repository of user scripts: CHECKRAS.EXE lives only on the real share.
REM Without netlogon_complete = true a missing program is not reported.
%0\..\checkras.exe > nul
if errorlevel 1 goto END
call %0\..\%SMS_ROLE%.bat
:END
