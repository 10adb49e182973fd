set TEMP=C:\TEMP
set TMP=C:\TEMP
%0\..\SNBOOT.EXE %0 /s
