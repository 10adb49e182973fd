@echo off
set PASSWORD=yourpassword
net use S: \\files\apps %PASSWORD% /user:CORP\%USERNAME%
