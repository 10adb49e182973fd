#!ps
# Runs from the remote-management console: reinstall the monitoring agent
$svc = Get-Service -Name "MonAgent" -ErrorAction SilentlyContinue
if ($svc) {
  Stop-Service $svc }
Else
{ Write-Output "agent not installed" }
