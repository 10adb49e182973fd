@echo off
rem Nightly report; Windows 9x machines skip the profile step.
setlocal
if /i "%1"=="full" (del /q "%TEMP%\*.log") else (echo quick clean-up)
copy /y \\FILES\reports\template.ini "%WINDIR%\reports.ini" >nul 2>&1
if "%OS%"=="Windows_NT" goto nt_profile
echo Windows 9x: skipping the profile step
goto done
:nt_profile
if not exist "%USERPROFILE%\reports" mkdir "%USERPROFILE%\reports"
:done
endlocal
