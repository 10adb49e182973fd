@echo off
:ask
set /p "days=Keep logs for how many days (1-9)? "
set "valid=no"
for %%d in (1 2 3 4 5 6 7 8 9) do if "%days%"=="%%d" set "valid=yes"
if not "%valid%"=="yes" (
    echo Please type a number from 1 to 9.
    goto ask
)
if %days% gtr 5 echo Keeping a long history.

:pick
set /p type=File type to archive: 
set count=0
for %%f in (C:\Logs\*.%type%) do set /a count+=1
if %count% equ 0 goto pick
if %type%==log echo Archiving logs.

set M=""
set /p M=Choice: 
if %M%==1 echo one
