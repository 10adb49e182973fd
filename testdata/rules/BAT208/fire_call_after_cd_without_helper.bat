@echo off
rem The tools folder has no such helper: the CALL still misses its colon.
cd /d "%~dp0tools"
call report
goto :eof
:report
echo report
goto :eof
