@echo off
goto:Start
:START
GOTO end now please
:End
call :sub arg
goto :eof
:SUB
goto :eof
