%0\..\SNBOOT.EXE %0 /s
%0\..\SMSBOOT1.EXE /s
net use h: \\FS1\home
