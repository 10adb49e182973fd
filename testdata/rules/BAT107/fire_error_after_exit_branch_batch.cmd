@echo off
rem Reads itself, but what follows the conditional exit is ordinary batch that runs
rem whenever the user does not answer: the broken FOR there is a real error.
findstr /b "::" "%~f0"
choice /c YN /t 5 /d N /m "Stop now"
if errorlevel 2 (exit /b) else (rem.)
echo continuing
for %%f do echo %%f
