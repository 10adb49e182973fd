REM Q185344: SMSRUN16 again on the RAS branch only, on purpose (SMS 1.2 SP rollout)
%windir%\checkras
if errorlevel 1 goto RAS
goto END
:RAS
c:\ms\sms\bin\smsrun16
:END
