@echo off
rem Only the first byte of a line is ignored: `ab:setup` is no label.
call :setup
exit /b
ab:setup
echo setting up
exit /b
