@echo off
<nul set /p ".=x" > "%temp%\t.txt"
IF .==. GOTO start
echo never
:start
echo hi
