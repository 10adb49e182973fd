@echo off
:SHOWVER
if /i "%1"=="/v" (call :SHOWVER) & (goto :eof)
call :MAIN %*
goto :eof
:SHOWVER
echo version 1.0
goto :eof
:MAIN
echo main %*
