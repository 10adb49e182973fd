@echo off
set total=0
for %%f in (*.log) do (
  if "%%f"=="keep.log" goto next_file
  set /a total+=%%~zf
:next_file
)
echo %total%
