@echo off
rem :farewell always ends the script with EXIT, so the jump after its CALL never runs.
choice /c yn /m "Quit now"
if errorlevel 2 goto work
call :farewell & goto finished
:work
echo working
goto :eof
:farewell
echo Good bye.
timeout /t 2 >nul
exit
