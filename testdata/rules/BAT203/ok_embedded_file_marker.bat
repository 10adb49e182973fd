@echo off
call :export setup_helper
exit /b
:export
echo exporting %1
goto :eof

:setup_helper:
@echo off
net stop wuauserv
:setup_helper:
