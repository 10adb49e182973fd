@echo off
SET "SKIP=%SKIP% ^"%SRC%\System Volume Information^""
set "ps=powershell -c ("Get-Date")"
set "\n=%%~$=^"":"^^"
set ^"m=@FOR /F "tokens=1 delims== " %%%%! in ("%%!=%%! %%^%%!") DO @"
