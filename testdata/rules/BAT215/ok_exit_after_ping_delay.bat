@echo off
call :prepare || goto nodisk
exit /b 0
:nodisk
(
  echo The backup disk is not there.
  ping 127.0.0.1 -n 4 >nul
  exit /b %ERRORLEVEL%
)
:prepare
if exist E:\backup exit /b 0
exit /b 5
