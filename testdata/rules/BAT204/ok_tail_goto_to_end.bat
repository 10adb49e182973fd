@echo off
echo handing over
handover.cmd
goto Finish
:Cleanup
call cleanup.cmd
goto Finish
:Finish
endlocal
