@echo off
if not "%OS%"=="Windows_NT" set LOGONSERVER=\\files
net use p: \\files\progs /yes
call %LOGONSERVER%\netlogon\common.bat
