@echo off
echo WScript.Echo(Date) > stamp.js
cd "C:\Build\Out\"
del stamp.js /q
rd /s /q .\work
