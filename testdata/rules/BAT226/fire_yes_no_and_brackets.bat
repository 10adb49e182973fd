@echo off
rem A yes/no question whose tests end above the "yes" handler, tested without quotes: a
rem typo (or "yes") removes the agent.
echo Remove the old agent? (y/n)
set /p ANSWER=
if %ANSWER%==y goto remove
if %ANSWER%==n goto keep
:remove
msiexec /x {00000000-0000-0000-0000-000000000000} /qn
goto :eof
:keep
echo Kept.
:tools
set /p T=Tool: 
if /i [%T%]==[a] goto audit
if /i [%T%]==[b] goto backup
:audit
auditpol /get /category:*
:backup
robocopy C:\Data D:\Data /mir
