@echo off
if not exist %windir%\ras.txt goto END
REM Q185344: RAS clients start SMSRUN16 from the logon script
c:\ms\sms\bin\smsrun16
:END
