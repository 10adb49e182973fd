@echo off
rem cmd.exe passes only "& {" to PowerShell and runs the next lines itself
powershell -NoProfile -Command "& {
  Get-ChildItem $env:TEMP | Remove-Item -Recurse -Force
}"
powershell -NoProfile -Command "Get-Date | Out-String >> %TEMP%\stamp.txt
