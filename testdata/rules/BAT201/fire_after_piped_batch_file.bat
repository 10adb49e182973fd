@echo off
rem The logger in the pipe returns (a child cmd.exe runs it), so the jump below runs too.
echo starting | logger.bat -a run.log
goto finish
