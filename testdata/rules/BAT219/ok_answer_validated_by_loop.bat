@echo off
:pick
set /p mode=Mode (fast or full): 
(for %%m in (fast full) do (
  if /i "%mode%"=="%%m" (
    goto chosen
  )
))
echo Unknown mode.
goto pick
:chosen
if %mode%==fast (
  set depth=1
) else (
  set depth=9
)
scanner.exe /depth:%depth%
echo scan finished
