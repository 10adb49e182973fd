REM ZAK-style TEMP setting, stored unexpanded
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment" /v temp /t REG_SZ /d %%SystemDrive%%\temp /f
call %0\..\smsls
