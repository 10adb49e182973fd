@echo off
net use Z: \\srv\install
rem a failure has left by now
if errorlevel 1 goto ask
if errorlevel 0 goto mapped
:ask
set /p Z=Drive letter: 
:mapped
echo mapped
