@echo off
rem Redirections written on purpose, escaped or quoted angle brackets, and arrows that
rem are part of an assignment written to a file.
set LOG=%TEMP%\run.log
echo ------------------------------------->>%LOG%
echo ==== start ====> "%LOG%"
echo Started -> run.txt
echo set LASTRUN=> last.cmd
echo Usage: %~nx0 ^<package^> -^> installs it
echo "Usage: deploy.bat <package>"
echo y<nul
echo ==> C:\Logs\deploy.log
echo.>> %LOG%
