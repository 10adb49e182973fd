@echo off
:pick
set /p mode=Mode (fast or full): 
if /i "%mode%"=="fast" goto chosen
if /i "%mode%"=="full" goto chosen
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
