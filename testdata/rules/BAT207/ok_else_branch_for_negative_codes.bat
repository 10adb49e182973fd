@echo off
setlocal
call :probe
rem The else-branch catches the negative exit code of the probe (NT): the test
rem tells the two apart on purpose.
if errorlevel 0 (
  echo probe done
) else (
  echo probe crashed
)
exit /b
:probe
exit /b -255
