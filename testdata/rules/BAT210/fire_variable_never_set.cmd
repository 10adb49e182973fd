@echo off
rem DEPLOY_RING is expected from the caller but nothing sets it
if %DEPLOY_RING%==pilot goto pilot
goto :eof
:pilot
echo pilot ring
