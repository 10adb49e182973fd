@echo off
if "%OS%"=="Windows_NT" (
  setlocal
  net use h: /home /persistent:no
)
call %0\..\smsls
