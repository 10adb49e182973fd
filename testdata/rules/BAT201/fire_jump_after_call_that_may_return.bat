@echo off
rem :farewell returns when the log is missing, so the jump after its CALL can run.
call :farewell & goto finished
echo not reached
goto :eof
:farewell
if not exist run.log goto :eof
type run.log
exit
