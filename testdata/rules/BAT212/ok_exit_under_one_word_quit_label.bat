@echo off
rem The menu runs as a subroutine; its Quit choice jumps to :quitout, which ends the
rem whole launcher on purpose.
call :menu
echo Goodbye
exit /b
:menu
choice /c PQ /m "Play or Quit"
if errorlevel 2 goto quitout
start "" emulator.exe
goto menu
:quitout
exit
