@echo off
rem Every redirection is taken out of the text; the blanks around them stay before it.
set kind=full >nul 2>&1
set TEMP=C:\Temp>nul 2>&1
set one=1 2>nul >nul
echo done >nul 2>&1
set mix=a>nul b
