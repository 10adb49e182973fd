@echo off
if "%OS%"=="Windows_NT" (
  REM map the home drive
  REM for NT clients
  net use h: /home
)
:: comments outside blocks
:: are fine
