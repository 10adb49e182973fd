@echo off
lh c:\dos\mouse.com
if errorlevel 1 goto fail
smartdrv
a:\setup\stage2.bat

:fail
echo Setup cannot go on.
exit 1
