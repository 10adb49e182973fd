@echo off
setlocal
pushd "%~dp0"
rem Installs the report service; the wrapper needs Windows NT.
if "%OS%"=="Windows_NT" goto nt
echo This script needs Windows NT, 2000 or XP.
pause
goto end
:nt
set _HOME=%~dp0
set _EXE=%_HOME%svcwrap.exe
if not exist "%_EXE%" set _EXE=%_HOME%bin\svcwrap.exe
set _CONF="%_HOME%svc.conf"
"%_EXE%" -i %_CONF%
if not errorlevel 1 goto end
echo The service was not installed.
pause
:end
popd
