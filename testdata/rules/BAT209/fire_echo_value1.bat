@echo off
echo value1>%TEMP%\out.txt
set LEVEL=2>nul
