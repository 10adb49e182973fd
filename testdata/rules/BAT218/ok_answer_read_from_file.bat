@echo off
rem The last mode is read back from a file: its first line may hold quotes.
set /p last=<"%appdata%\tool\last_mode.txt"
if %last%=="safe" echo starting in safe mode
