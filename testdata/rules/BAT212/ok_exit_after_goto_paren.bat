@echo off
call :Run >run.log 2>&1 & type run.log
exit /b
:Run
echo working
if errorlevel 1 goto :Bail
goto :eof
:Bail
type run.log >failed.log
(goto) & del run.log
exit
