@echo off
rem the Ctrl-C handler gets our name and runs us again when the user goes on
:ask
choice /c:yn Install now
if errorlevel 3 ctrlc.bat %0
if errorlevel 2 goto skip
call setup.bat
:skip
echo done
