REM Q220858: REG_SZ with a literal %SystemDrive%
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment" /v TEMP /t REG_SZ /d %%SystemDrive%%\temp /f
set TMP=%%SystemDrive%%\temp
call %0\..\smsls
