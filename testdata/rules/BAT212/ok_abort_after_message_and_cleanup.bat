@echo off
call :check_size 5000
echo size accepted
goto :eof

:check_size
if %1 gtr 4096 (
  echo ERROR: the buffer cannot hold %1 entries
  taskkill /im logger.exe >nul 2>&1
  exit
)
goto :eof
