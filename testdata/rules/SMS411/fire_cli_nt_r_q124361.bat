call %0\..\smsls
REM Q124361: left over from a clean-up, deinstalls at every logon
%0\..\x86.bin\cli_nt.exe /r
