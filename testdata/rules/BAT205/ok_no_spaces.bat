@echo off
set SMS_BIN=x86.bin
set "SITE=ABC"
set MSG=hello world
set /a N = 1 + 2
set
