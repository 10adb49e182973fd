@echo off
rem A usage line with angle-bracket placeholders: the first one is read as an input
rem redirection from a file named "package" that is not there.
if "%~1"=="" (
  echo Usage: %~nx0 ^<package^> [version]
  echo   e.g. %~nx0 agent 2.1
)
echo Syntax: deploy.bat <package> <target-host>
echo Mail the log to Helpdesk <helpdesk@example.org>
