@echo off
REM A dual-target logon script: the OS guard sends 9x clients on, but two lines leak.
if "%OS%"=="Windows_NT" goto NT
net use h: /home 2>nul
call :map p:
goto END
:NT
setlocal
net use h: /home /persistent:no
:END
