@echo off
rem Fill these in before running.
set DB_USER=backup
set PASSWORD=DatabasePasswordHere
mysqldump -u%DB_USER% -p%PASSWORD% inventory -r inventory.sql
