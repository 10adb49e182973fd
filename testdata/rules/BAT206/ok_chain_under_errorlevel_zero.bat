@echo off
wcwait /r:60
if errorlevel 0 goto send
if errorlevel 1 goto abort
if errorlevel 2 goto nogo
:send
echo sending
goto end
:abort
echo aborted
goto end
:nogo
echo gave up
:end
