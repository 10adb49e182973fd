@echo off
goto second
ECHO If you can read this, the jump to second failed
:second
echo second reached
