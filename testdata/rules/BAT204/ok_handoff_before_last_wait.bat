@echo off
probe.exe /all
if errorlevel 1 goto bad
echo all checks passed
goto done
:bad
misc\stopline.cmd
:done
timeout 3 >> probe.log
color 0A
