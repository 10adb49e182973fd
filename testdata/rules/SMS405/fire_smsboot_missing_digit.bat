%0\..\SNBOOT.EXE %0 /s
%0\..\smsboot.exe /s
