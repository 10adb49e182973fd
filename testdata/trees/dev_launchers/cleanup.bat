@echo off
rem Nightly clean-up; Windows 9x machines skip the profile step at the end.
setlocal
if exist "%TEMP%\report.tmp" del "%TEMP%\report.tmp"
if /i "%1"=="full" (del /q "%TEMP%\*.log") else (echo quick clean-up)
if "%OS%"=="Windows_NT" goto nt_profile
echo Windows 9x: skipping the profile step
goto done
:nt_profile
if not exist "%USERPROFILE%\reports" mkdir "%USERPROFILE%\reports"
:done
endlocal
