@echo off
call %0\..\drives.bat
%0\..\checkras.exe > nul
if errorlevel 1 goto END
call %0\..\printers
:END
