@echo off
set /p d=Drive: 
if not exist %d%: goto bad
set d=C
if not exist %d%: goto nolabel
:bad
