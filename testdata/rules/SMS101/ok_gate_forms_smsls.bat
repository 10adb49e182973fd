@ECHO OFF
cls
setlocal
:: SMS 2.0 SP3 upgrade window
:TOP
GOTO:End
%0\..\SNBOOT.EXE %0 /s
:End
