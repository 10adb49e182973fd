%0\..\checkras.exe > nul
if errorlevel 1 goto SKIPINV

call %0\..\smsls
GOTO END

:SKIPINV
REM Perform any RAS-specific actions

GOTO END

:END
