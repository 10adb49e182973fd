@echo off
echo WScript.Echo(Date) > stamp.js
cscript //nologo stamp.js > stamp.txt
cd "C:\Build\Out\"
del stamp.js /q
del stamp.txt /q
