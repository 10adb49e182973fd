@echo off
setlocal enabledelayedexpansion
set "password=!random!!random!"
if defined c (set "copy_pass=Y") else (set "copy_pass=N")
echo !password!
if "%copy_pass%"=="Y" echo !password!^| clip
