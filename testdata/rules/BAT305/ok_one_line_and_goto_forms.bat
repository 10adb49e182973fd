@echo off
if "%OS%"=="Windows_NT" (setlocal & net use h: /home)
if not "%OS%"=="Windows_NT" goto not_nt
if "%OS%"=="Windows_NT" (
  net use h: /home
)
:not_nt
