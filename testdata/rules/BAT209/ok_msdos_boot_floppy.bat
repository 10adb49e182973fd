@echo off
rem Network boot floppy for MS-DOS 6.22: COMMAND.COM writes "@set nboard=1".
a:\
lh a:\net\lsl
lh a:\net\e100bodi
mem /c | find "TCPIP" >nul
if not errorlevel 1 goto done
echo @set nboard=1>c:\net\eth.bat
:done
