@echo off
call "%~dp0build.cmd" x64
if errorlevel 1 goto err
rem sign step disabled for local builds
rem call "%~dp0sign.cmd"
if errorlevel 1 goto ERR
goto :eof
:err
echo build failed
exit /b 1
