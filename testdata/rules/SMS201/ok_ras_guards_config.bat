@echo off
"%0\..\LogonChk.exe"
if errorlevel 1 goto DIALIN
call %0\..\smsls
goto END
:DIALIN
echo Dial-in session: SMS skipped.
:END
