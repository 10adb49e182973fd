@echo off
rem The loop sits in an IF block: cmd.exe reads (and expands) the whole IF block at once.
if exist list.txt (
  for /f %%x in (list.txt) do (
    set last=%%x
    echo %last%
  )
)
