@echo off
rem Takes one path apart: the FOR runs once.
set "operation=convert"
call :start%operation% %~1
goto :eof
:startconvert
for %%i in ("%*") do (
  echo %operation% %%~nxi
  set "operation=done"
)
exit /b
