@echo off
rem FreeDOS installer step: FreeCOM compares GOTO labels in full
:CheckSource
set /e SRC=vfdutil /p %0
if "%SRC%" == "" goto Done
if exist %SRC%\PACKAGES\BASE.ZIP goto CheckSourceFound
vecho /t fdsetup.def NOSOURCE
goto Done
:CheckSourceFound
set FMEDIA=%SRC%
:Done
