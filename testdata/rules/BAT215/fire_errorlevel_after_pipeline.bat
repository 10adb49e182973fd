@echo off
if exist "%SystemRoot%\system32\wbem" (
  ver | findstr /c:"Version 10." > nul
  if %errorlevel%==0 echo Windows 10 found
)
