@echo off
call :part
echo back
exit /b
:part
(
  goto 2>nul
  echo runs in the caller's context
)
