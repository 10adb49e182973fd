@echo off
%0\..\checkras.exe
if errorlevel 1 goto END
call %0\..\a.bat
:END
