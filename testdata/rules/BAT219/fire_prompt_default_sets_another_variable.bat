@echo off
rem The || branch sets another variable: Enter still leaves the answer empty.
set /p "name=Name: " || set asked=1
if %name%==admin goto admin
echo hello
net use H: \\files\home\%name%
goto :eof
:admin
echo hi admin
