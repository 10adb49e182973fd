@echo off
for %%i in (1 2) do (
  :inner
  echo %%i
)
goto inner
