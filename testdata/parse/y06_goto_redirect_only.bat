@echo off
call :leave
echo back
exit /b
:leave
(
  goto 2>nul
  echo still runs, then the call returns
)
