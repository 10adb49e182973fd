@echo off
%0\..\checkras.exe
if errorlevel 0 goto lan
echo Dial-up connection: skipping the drive mappings
goto :eof
:lan
net use h: /home
