@echo off
if "%ERRORLEVEL%"=="0" (
  xcopy /y settings.ini "%APPDATA%\app\"
  if errorlevel 0 echo settings copied
)
