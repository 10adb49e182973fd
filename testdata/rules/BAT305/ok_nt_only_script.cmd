@echo off
if "%OS%"=="Windows_NT" (
  setlocal
)
