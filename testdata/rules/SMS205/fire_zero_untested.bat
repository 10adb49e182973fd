%0\..\slwnt32.exe %0 0
%0\..\SMSBOOT1.EXE /s
