@echo off
echo load=smsrun16.exe>> %windir%\win.ini
