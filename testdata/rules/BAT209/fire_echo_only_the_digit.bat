@echo off
rem reset the retry counter
echo 0>"%TEMP%\retries.txt"
