@echo off
if "%1"=="once" goto refresh
goto watch
:refresh
gpupdate /target:computer
goto :eof
:watch
:refresh
echo %time%
gpupdate /target:user
timeout /t 60
goto refresh
