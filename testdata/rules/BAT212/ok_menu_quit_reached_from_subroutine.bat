@echo off
:menu
set /p pick=1 = settings, q = quit: 
if /i "%pick%"=="q" goto quit
if "%pick%"=="1" call :settings
goto menu
:settings
echo Saving settings
goto saved
:saved
echo Saved.
goto menu
:quit
endlocal
exit
