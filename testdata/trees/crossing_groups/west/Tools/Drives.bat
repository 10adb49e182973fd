@echo off
if exist m:\nul net use m: /delete
set /a n=1+1
net use m: \\west\maps /yes
