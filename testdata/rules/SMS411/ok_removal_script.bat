REM a one-off removal script, not a logon script
\\srv\sms_shr\x86.bin\cli_nt.exe /r
