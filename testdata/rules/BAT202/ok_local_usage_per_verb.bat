@echo off
goto %1
:map
if "%~2"=="" goto usage
net use %2 /home
exit /b
:usage
echo usage: %0 map DRIVE
exit /b
:unmap
if "%~2"=="" goto usage
net use %2 /delete
exit /b
:usage
echo usage: %0 unmap DRIVE
exit /b
