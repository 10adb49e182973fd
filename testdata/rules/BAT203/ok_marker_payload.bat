@echo off
powershell -nop -c "$p=[IO.File]::ReadAllText('%~f0') -split ':ps\:.*';iex ($p[1])"
exit /b
:ps:
$d = Get-Date
Write-Host $d
:ps:
