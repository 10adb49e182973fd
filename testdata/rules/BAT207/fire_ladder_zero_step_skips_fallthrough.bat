@echo off
%1\setup.exe /q
if errorlevel 50 goto err50
if errorlevel 4 goto err4
if errorlevel 0 goto installed
goto err1
:installed
echo Installed.
goto :eof
:err1
echo Setup failed with code 1 to 3.
goto :eof
:err4
:err50
echo Setup failed.
