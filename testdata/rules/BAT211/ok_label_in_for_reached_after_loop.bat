@echo off
set tries=0
for %%s in (primary) do (
  set server=%%s
:connect
  net use S: "\\files\share" >nul 2>&1
)
if errorlevel 1 if %tries% lss 3 (
  set /a tries+=1
  goto connect
)
