@echo off
set /p drv=Drive letter: 
if not exist %drv%: goto nodrive
set msg=drive missing
rem the same test again: never true here
if not exist %drv%: goto missing_label
if /i "%drv%"=="a" goto :eof
if /i "%drv%"=="A" goto nosuch
echo Drive %drv%: is there.
goto :eof
:nodrive
echo No drive %drv%:
