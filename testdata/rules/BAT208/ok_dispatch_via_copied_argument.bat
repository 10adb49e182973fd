@echo off
rem tools.bat: run as "tools build" or "tools clean"; the first argument is kept first
set step=%~1
if /i "%step%"=="build" goto build
if /i "%step%"=="clean" goto clean
call clean
call build
goto :eof
:build
echo building
goto :eof
:clean
echo cleaning
goto :eof
