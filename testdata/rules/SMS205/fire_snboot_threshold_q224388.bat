:SLOWNETSERVER
REM Q224388: the SNBOOT threshold lowered to 1000 bit/s
%0\..\SNBOOT.exe 1000
