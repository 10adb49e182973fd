@echo off
rem The key's name has three words, so "tokens=3" also reads the key line: two passes.
set "TOOLS=found:"
for /f "tokens=3" %%p in ('reg query "HKCU\Software\North Wind Tools\Backup" /v Target') do (
  set "TOOLS=%TOOLS% %%p"
)
echo %TOOLS%
