@echo off
robocopy "%~1" "%~2" /e /r:1 /w:1
if errorlevel 16 goto fatal
if errorlevel 8 goto failed
if errorlevel 0 goto done
:fatal
echo Robocopy could not run.
goto done
:failed
echo Some files were not copied.
:done
