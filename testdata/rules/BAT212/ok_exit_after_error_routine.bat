@echo off
set show_error=call :report_error
call :install "%~1"
echo installed
exit /b 0

:install
if "%~1"=="" (
  %show_error% "no package named"
  exit 2
)
if not exist "%~1" (
  call :report_error "package %~1 not found"
  exit 3
)
msiexec /i "%~1" /qn
exit /b

:report_error
echo ERROR: %~1 1>&2
exit /b 0
