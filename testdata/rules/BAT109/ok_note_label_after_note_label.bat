@echo off
for %%f in (*.log) do (
  :# count the logs
  :# and keep the last name
  set "last=%%f"
)
echo %last%
