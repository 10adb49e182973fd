@echo off
rem Pasted from the prompt: BAT217 reports the single-percent FOR variable.
for /f "usebackq tokens=1" %a in ("%~dp0hosts.txt") do ping -n 1 %a ^>nul ^&^& echo up
