@echo off
if "%OS%"=="Windows_NT" (
  :: map the home drive
  :: for NT clients
  net use h: /home
)
