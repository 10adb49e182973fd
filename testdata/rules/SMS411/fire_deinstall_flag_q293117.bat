call %0\..\smsls
REM Q293117: a pending-deinstall flag written by the logon script
reg add "HKLM\SOFTWARE\Microsoft\SMS\Client\Configuration\Client Properties" /v "SMS Client Deinstall" /t REG_SZ /d True /f
