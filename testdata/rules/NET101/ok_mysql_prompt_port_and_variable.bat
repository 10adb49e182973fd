@echo off
rem Ask for the password; connect on port 3307; the password comes from a variable
mysql -u admin -p -h db01 shop
mysql -u admin -P3307 -h db01 -p%DB_PASS% shop
mysqldump --user=admin --password shop > shop.sql
