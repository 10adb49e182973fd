@echo off
for %%t in (tests\*.exe) do (
  "%%t" --quiet
  if errorlevel 0 (
    echo %%~nt passed
  ) else (
    echo %%~nt FAILED
    exit /b 1
  )
)
