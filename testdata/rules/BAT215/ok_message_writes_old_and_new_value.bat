@echo off
set /a delay=%RANDOM% %% 180 + 1
if %delay% GTR 120 (
  set /a delay=180
  echo %delay% is set to 180.>>wait.log
)
timeout /t %delay%
