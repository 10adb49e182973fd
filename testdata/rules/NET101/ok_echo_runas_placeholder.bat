@echo off
rem A tips sheet: the word stands where the reader types the real password.
echo password| runas /netonly /user:CORP\admin "mmc dsa.msc"
echo YourPassword | runas /user:Admin "shutdown /s /t 1"
