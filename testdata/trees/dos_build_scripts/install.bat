@echo off
rem plain DOS install script: COMMAND.COM compares the first 8 characters of a label
:copyfiles
if exist c:\app\app.exe goto copyfilesdone
copy a:\app.exe c:\app
goto copyfiles
:copyfilesdone
echo installed
