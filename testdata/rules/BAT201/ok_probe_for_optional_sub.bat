@echo off
call :features.compact 2>nul && set "compact=1"
echo %compact%
