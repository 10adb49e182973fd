@echo off
rem Each CALL is right above the label it calls: when it returns, the caller runs the same
rem lines again as its own, so the `exit` ends the launcher either way.
call :prepare
:prepare
if exist launcher.ini call :pick
:pick
picker.exe "Mode" "32-bit;64-bit"
if %ERRORLEVEL%==1 goto run32
if %ERRORLEVEL%==2 goto run64
exit
:run32
start "" emu32.exe
goto :eof
:run64
start "" emu64.exe
goto :eof
