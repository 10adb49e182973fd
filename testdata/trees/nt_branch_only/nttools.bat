@echo off
setlocal enabledelayedexpansion
for /f "tokens=*" %%a in (%~dp0drives.txt) do net use %%a
if /i "%USERNAME%"=="admin" (echo admin) else (echo user)
endlocal
