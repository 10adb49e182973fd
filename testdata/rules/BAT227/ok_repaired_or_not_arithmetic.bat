@echo off
rem The repairs: a 1 glued in front, the zero stripped first, fields joined into one
rem number, the hour (a blank before 10 o'clock), and fields that are only printed.
set /a due=1%time:~3,2%-100+15
set m=%date:~4,2%
if "%m:~0,1%"=="0" set m=%m:~1%
set /a prev=m-1
set /a stamp=%date:~10,4%%date:~4,2%%date:~7,2%
set /a hour=%time:~0,2%
echo Started at %time:~3,2% minutes past
set /a later=100%time:~6,2%%%100
