@echo off
if "%~1" == "" goto usage
echo copying %~1
exit /b

:usage
set usage_text=Usage: %~n0 source. The source is copied to the backup share and the ^
old copy is renamed.
echo %usage_text%
exit /b

:_

  _)_  (__  _)(__ 
 (___  __)(____)(____)
