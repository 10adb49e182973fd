@echo off
rem restarts itself when the share was not there yet
if not exist h:\ fire_runs_itself.bat
echo mapped
