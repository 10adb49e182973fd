@echo off
rem Menus whose unmatched answers go somewhere on purpose.
:menu
set /p C=Choice (1-3): 
if "%C%"=="1" goto clean
if "%C%"=="2" goto disk
goto menu
:clean
del /q "%TEMP%\*.tmp"
goto menu
:disk
dir C:\
:ask
set /p Q=Quit or go on (q/g)? 
if /i "%Q%"=="g" goto goon
if /i "%Q%"=="q" goto quit
:quit
echo Bye.
exit /b 0
:goon
set MODE=1
set /p MODE=Mode 1 or 2 [1]: 
if "%MODE%"=="1" goto one
if "%MODE%"=="2" goto two
:one
call :work fast
goto :eof
:two
call :work slow
goto :eof
:again
set /p R=Reboot now? [Y/n] 
if /i "%R%"=="y" goto reboot
if /i "%R%"=="n" goto :eof
:reboot
shutdown /r /t 0
:pick
echo 1. Balanced plan (default)
echo 2. High performance
set /p P=: 
if "%P%"=="1" goto balanced
if "%P%"=="2" goto high
:balanced
powercfg /s SCHEME_BALANCED
goto :eof
:high
powercfg /s SCHEME_MIN
goto :eof
:work
echo %1
exit /b
