@echo off
call :leave
echo back in the caller
exit /b
:leave
(
  goto 2>nul
  echo still inside the block
)
