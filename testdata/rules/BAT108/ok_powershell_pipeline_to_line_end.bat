@echo off
rem the open quote hands the whole pipeline to PowerShell, as meant
powershell -NoProfile -Command "& {Get-AppxPackage *Solitaire* | Remove-AppxPackage}
pwsh -c "Get-Service spooler | Restart-Service; Get-Service spooler
