@echo off
rem if defined oldsite call :oldsite_notice
echo main
exit /b
:oldsite_notice
echo this site is being retired
exit /b
