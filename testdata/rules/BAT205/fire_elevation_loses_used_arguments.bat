@echo off
rem Ask for admin rights, passing the arguments on.
if "%1"=="" goto usage
set params = %*:"=""
echo UAC.ShellExecute "cmd.exe", "/c %~s0 %params%", "", "runas", 1 >> "%temp%\getadmin.vbs"
"%temp%\getadmin.vbs"
exit /b
:usage
echo usage: %~nx0 folder
