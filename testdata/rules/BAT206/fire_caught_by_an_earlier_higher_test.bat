@echo off
choice /c:yns Install now
if errorlevel 3 goto skip
if errorlevel 1 goto install
if errorlevel 5 goto install
:skip
echo skipped
goto :eof
:install
call setup.bat
