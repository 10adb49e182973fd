reg add "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment" /v TEMP /t REG_EXPAND_SZ /d %%SystemDrive%%\temp /f
set TEMP=%SystemDrive%\TEMP
call %0\..\smsls
