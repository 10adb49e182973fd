set TMP=C:\Documents and Settings\%USERNAME%\Temp
%0\..\SNBOOT.EXE %0 /s
