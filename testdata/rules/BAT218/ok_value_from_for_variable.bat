@echo off
for /f "usebackq delims=" %%a in ("%~dp0mode.txt") do set mode=%%a
if %mode%=="fast" echo fast mode
