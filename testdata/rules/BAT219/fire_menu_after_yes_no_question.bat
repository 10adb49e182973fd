@echo off
rem The first question is a yes/no whose "no" ends the script: not reported. The menu's
rem answer is another prompt, whose test breaks on Enter in the middle of the work.
set /p ans=Continue with the setup? (Y/N): 
if /i %ans%==n exit
echo 1 = map drives, 2 = printers
set /p pick=Choice: 
if %pick%==1 net use H: \\files\home
if %pick%==2 call "%~dp0printers.cmd"
call "%~dp0inventory.cmd"
echo Setup finished.
