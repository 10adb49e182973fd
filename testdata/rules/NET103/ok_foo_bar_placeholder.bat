@echo off
rem The login and password are the foo/bar pair of an example: no secret was published.
set host=192.0.2.10
set login="foo"
set password="bar"
plink.exe -ssh -l %login% -pw %password% %host% "uptime"
