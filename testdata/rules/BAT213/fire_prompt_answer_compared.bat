@echo off
set /p Answer=Restart the print server now (y/n)? 
if /i Answer==y shutdown /r /t 0
if not Answer==n echo restart skipped
