@echo off
rem Nightly copy of the production database
"C:\Program Files\MySQL\bin\mysqldump.exe" -usa -pBackup2025 -h db01 shop > "%~dp0shop.sql"
mysql.exe --user=sa --password=Backup2025 shop_copy < "%~dp0shop.sql"
