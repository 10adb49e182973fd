@echo off
rem AveYo-style snippet marker: `exit/b:tag:` is `exit /b`, so the caller goes on.
call :helper
echo back in caller
exit /b

:helper
echo working & exit/b:helper_end:
