@(echo off% <#%) & title hybrid
set "0=%~f0" & powershell -nop -c iex ([io.file]::ReadAllText($env:0)) & exit/b ||#>)[1]

## PowerShell text with an odd number of double quotes is not batch code.
write-host 'a lone " stays & (prints)'
