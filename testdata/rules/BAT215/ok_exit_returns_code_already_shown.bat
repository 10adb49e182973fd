@echo off
robocopy src dst /mir || goto copyfailed
exit /b 0
:copyfailed
(
  echo robocopy ended with code %ERRORLEVEL%
  call :mailadmin
  exit /b %ERRORLEVEL%
)
:mailadmin
blat.exe -to admin -subject copy
exit /b 0
