@echo off
sfc /scannow
(
  if not errorlevel 1 (
    echo Repair finished. The computer restarts in a minute (save your work)
    shutdown -r -t 60
  )
  echo done
)
