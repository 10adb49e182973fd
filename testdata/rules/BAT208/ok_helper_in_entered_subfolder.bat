@echo off
rem A toolbox that changes into its tools folder and runs the small scripts there by name.
cd /d "%~dp0"
if exist tools (cd tools) else (echo tools folder missing & goto :eof)
call slot check
goto menu
:menu
echo 1. Slot
goto :eof
:slot
echo slot menu
goto :eof
