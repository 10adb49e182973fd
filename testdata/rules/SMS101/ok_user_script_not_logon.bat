@echo off
net use h: \\FS1\home\%USERNAME%
call %0\..\smsls
