@echo off
rem A Windows 10 tool: delayed expansion from its first command; a pasted hosts-file snippet
rem near its end still tests %OS%.
setlocal EnableDelayedExpansion
if /i "%~1"=="x" (echo a) else (echo b)
set /a n=0
for /l %%i in (1,1,3) do set /a n+=1
echo !n! passes
IF "%OS%"=="Windows_NT" GOTO HostsNT
COPY /Y HOSTS %winbootdir%
goto done
:HostsNT
copy /y hosts %SystemRoot%\System32\drivers\etc\hosts
:done
