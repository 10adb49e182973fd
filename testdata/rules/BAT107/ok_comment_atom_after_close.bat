@echo off
for %%s in (alpha beta) do (
  echo %%s
)          %= loop over the two sites =%
