@echo off
set DB_PASSWORD=Tr0ub4dor
:: mysql -u root -p%DB_PASSWORD% ^< dump.sql
rem restore with: mysqldump --password=%DB_PASSWORD%
echo done
