@echo off
rem Minutes and days read by SET /A as they are: 08 and 09 are invalid octal numbers.
set /a due=%time:~3,2% + 15
set START_S=%TIME:~6,2%
ping -n 3 127.0.0.1 >nul
set /a took=%TIME:~6,2%-START_S
set /a yesterday=%DATE:~7,2%-1
