@echo off
REM Sales logon script: skip SMS on dial-up links.
net use h: /home /yes
%0\..\checkras.exe > nul
if errorlevel 1 goto NO_SMS
call %0\..\smsjob.bat
:NO_SMS
