@echo off
:ask
set /p "ans= Delete the old profiles? [Y/N] >
if /i "%ans%"=="Y" del /q "%temp%\profiles\*.*"
