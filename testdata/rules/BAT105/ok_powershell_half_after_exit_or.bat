@(echo off% <#%) & title hybrid
set "0=%~f0" & powershell -nop -c iex ([io.file]::ReadAllText($env:0)) & exit/b ||#>)[1]

## From here on only PowerShell reads the file.
if ($args.Count -eq 0) {write-host 'no input'} else {write-host $args[0]}
$items = @('a', 'b')
