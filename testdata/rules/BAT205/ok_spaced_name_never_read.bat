@echo off
rem the variable is never read here: nothing misses its value
set LOGDIR = C:\logs
echo done
