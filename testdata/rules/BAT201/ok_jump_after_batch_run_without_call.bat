@echo off
rem The helper takes over: control never comes back here, so the misspelt jump
rem below cannot run (BAT204 reports the missing CALL).
call :prepare
%~dp0finish.bat %1
goto cleanupp
:prepare
set STAGE=1
goto :eof
