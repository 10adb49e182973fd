@echo off
powershell -nop -c "iex ([IO.File]::ReadAllText('%~f0') -split ':ps\:.*')[1]"
exit /b
:ps:
if ($env:SMS_SITE -eq $null) {
  Write-Host "no site"
}
else {
  Write-Host "site set"
}
