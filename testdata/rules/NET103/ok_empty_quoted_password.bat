@echo off
rem an open server: leave the password empty
set SERVER_PASSWORD=""
gameserver.exe -port 7777 -pass %SERVER_PASSWORD%
