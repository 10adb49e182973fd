@echo off
setlocal
if not exist "%~dp0tools\nmake.exe" goto missing
call "%~dp0tools\nmake.exe" all
goto done
:missing
echo nmake.exe not found.
set ERRORLEVEL=1
:done
endlocal
