@echo off
rem The read repeats the SET's own value expression: from the old value it gives the new one.
set "dir=C:\data\\"
(
  if "%dir:~-1%"=="\" (
    set "dir=%dir:~0,-1%"
    call :show "%dir:~0,-1%"
  )
)
exit /b
:show
echo trimmed to %~1
exit /b
