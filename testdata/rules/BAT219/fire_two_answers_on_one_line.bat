@echo off
rem Both answers are compared unquoted on one line: that line is where an empty answer
rem breaks the script (one finding). The later test of the first answer is only reached
rem when that line worked, so it is not reported again.
set /p pin=New PIN: 
set /p pin2=Again: 
if not %pin2%==%pin% goto differ
echo PIN saved.
goto :eof
:differ
set /p again=They differ. Type the first PIN again: 
if "%again%"=="" goto :eof
if "%again%"==%pin% echo PIN saved.
