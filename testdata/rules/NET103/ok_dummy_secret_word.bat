@echo off
:: values to fill in before the first run
set BACKUP_USER=backupsvc
set BACKUP_PASS=supersecretpassword
dsmc incremental -virtualnodename=%BACKUP_USER% -password=%BACKUP_PASS%
