@echo off
rem Text follows the ) that closes the block: cmd.exe rejects the whole IF and stops.
set /p sub=Choice (1-3): 
if "%sub%"=="1" (
    echo Checking disk C: (needs a restart)...
    chkdsk C: /f
    goto :eof
)
echo other option
