@echo off
rem The open quote hides a redirection meant for the log file and a command after &.
set LOG=%TEMP%\setup.log
echo "Setup started at %TIME% >> %LOG%
echo "Done & pause
