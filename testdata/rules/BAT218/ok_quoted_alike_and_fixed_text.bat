@echo off
for %%f in ("%temp%\*.*") do if /i "%%~xf"==".log" del "%%f"
rem Fixed text on both sides: a shell test, not a value.
if not 1=="1" echo quotes are compared
