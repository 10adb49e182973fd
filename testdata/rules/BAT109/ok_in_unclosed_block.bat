@echo off
if exist a.txt (
  echo copying
) else (
  echo nothing to copy
:: step one
:: step two
echo done
