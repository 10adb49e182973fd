@echo off
:main
cls
echo T = tools, Q = quit
set /p top=Choice: 
if /i "%top%"=="t" goto tools
if /i "%top%"=="q" goto :eof
:tools
rem Any other answer lands in the tools menu: it only shows its text and asks again.
cls
echo A = check disk, B = back
set /p tool=Tool: 
if /i "%tool%"=="a" goto check
if /i "%tool%"=="b" goto main
goto tools
:check
chkdsk C:
goto tools
