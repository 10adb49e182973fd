@echo off
setlocal
if /i "%1"=="x" (echo a) else (echo b)
