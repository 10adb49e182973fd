@echo off
rem reg query /v prints the key's name (two words here, so "tokens=3" skips it) and one
rem value line: the body runs once, and the value from before the loop is the one meant.
set "REPORT=Windows"
for /f "tokens=3" %%b in ('reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v CurrentBuild') do (
  set "REPORT=%REPORT% build %%b"
)
echo %REPORT%
