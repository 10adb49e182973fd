@echo off
:pick
set /p svc=Service to stop: 
setlocal enabledelayedexpansion
for /f "tokens=2 delims=:" %%s in ('sc query %svc% ^| find "STATE"') do (
  echo %svc% is %%s
  set /p yes=Stop it? 
  if /i not "!yes!"=="y" (
    set svc=
    goto pick
  )
)
endlocal
sc stop "%svc%"
