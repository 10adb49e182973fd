@echo off
for		REM loops over a list
:again
goto		REM jumps to a label
