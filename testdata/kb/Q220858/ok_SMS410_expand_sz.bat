reg add "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment" /v temp /t REG_EXPAND_SZ /d %%SystemDrive%%\temp /f
call %0\..\smsls
