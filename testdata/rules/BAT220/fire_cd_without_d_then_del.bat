@echo off
echo Cleaning the print queue...
net stop spooler
cd C:\Windows\System32\spool\PRINTERS
echo Removing stuck jobs
del /f /q *.*
net start spooler
