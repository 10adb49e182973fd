@echo off
powershell -nop -c "$p=[IO.File]::ReadAllText('%~f0') -split ':inv\:.*';iex ($p[1])"
exit /b
:inv:
Get-CimInstance Win32_OperatingSystem
:inv:
