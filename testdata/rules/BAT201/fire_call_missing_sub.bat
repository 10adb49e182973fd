@echo off
call :mapdrives
call %0\..\smsls
goto :eof
:map_drives
net use h: /home
goto :eof
