@echo off
rem Range tests from both sides leave no answer over; a fallback that only ends the
rem script (the last lines of the file) is a quit.
set /p n=How many copies (1-9)? 
if %n% lss 5 goto few
if %n% geq 5 goto many
:few
copy /y report.txt \\printsrv\lpt1
goto ask
:many
copy /y report.txt \\printsrv\bulk
:ask
set /p again=Print again (1) or quit (2)? 
if "%again%"=="1" goto :eof
if "%again%"=="2" goto done
:done
cls
echo Bye.
pause
