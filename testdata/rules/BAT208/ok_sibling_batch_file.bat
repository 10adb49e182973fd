@echo off
goto %1
:ok_toolbox
echo toolbox verb
exit /b
:scan
call ok_toolbox scan >nul
dir scan*
exit /b
