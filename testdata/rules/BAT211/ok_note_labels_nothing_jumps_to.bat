@echo off
setlocal EnableDelayedExpansion
goto %1
:list
set n=0
for %%f in (*.log) do (
  :# count the logs
  set /a n+=1
  :# and remember the last name
  set "last=%%f"
)
echo !n! logs, the last !last!
goto :eof
