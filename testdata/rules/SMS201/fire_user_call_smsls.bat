@echo off
net use h: \\FS1\home\%USERNAME%
net use s: \\FS1\shared
CALL %0\..\SMSLS
