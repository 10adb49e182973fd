@echo off
if exist list.txt (
  set count=0
  type list.txt | find /c "x" > nul
  echo counted %count%
)
