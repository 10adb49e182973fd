@echo off
if "%OS%"=="Windows_NT" (
  echo NT
) else (
  echo other
)
for %%i in (a b) do (
  echo %%i
)
