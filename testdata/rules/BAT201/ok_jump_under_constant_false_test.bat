@echo off
set /p reply=Reboot now (y/n)? 
rem The % was forgotten: the words "reply" and "n" are compared, never equal.
if reply==n goto END
shutdown /r /t 0
