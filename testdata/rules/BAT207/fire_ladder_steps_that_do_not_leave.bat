@echo off
xcopy \\srv\dist\*.* C:\dist\ /d /y
if errorlevel 4 echo Copy failed & echo see the log
if errorlevel 1 echo No files copied & echo see the log
if errorlevel 0 echo Files copied & goto done
:done
