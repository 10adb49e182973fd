@echo off
call :version
exit /b
:version
ver
exit/b

Date        Release  Machine
----------  -------  -------
