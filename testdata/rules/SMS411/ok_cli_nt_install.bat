call %0\..\smsls
%0\..\x86.bin\cli_nt.exe /i
