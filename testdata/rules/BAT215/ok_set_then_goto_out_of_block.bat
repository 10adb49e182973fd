@echo off
set source=primary
set retried=0
:again
ping -n 1 %source%-db >nul
if errorlevel 1 (
  if %retried%==0 (
    set retried=1
    set source=standby
    goto again
  )
  if %retried%==1 (
    echo Neither server answers; the last one tried was %source%.
    exit /b 1
  )
)
echo Connected to %source%.
