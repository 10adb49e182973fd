@echo off
xcopy \\srv\dist\*.* C:\dist\ /d /y
if errorlevel 4 echo Copy failed: disk full or bad path & goto done
if errorlevel 1 echo No files copied & goto done
if errorlevel 0 echo Files copied & goto done
:done
