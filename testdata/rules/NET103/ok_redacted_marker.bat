@echo off
rem The password was taken out before the script was published.
set BACKUP_PASSWORD=***REMOVED***
net use \\backup01\dump /user:backup %BACKUP_PASSWORD%
