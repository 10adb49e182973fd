@echo off
dir x 2>nul
>%TEMP%\out.txt echo value1
echo value1 >%TEMP%\out.txt
del x.tmp >nul 2>&1
