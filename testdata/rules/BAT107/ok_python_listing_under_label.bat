@echo off
rem Library module: the caller names the routine.
call %*
exit /b

:check.sample
echo checking %~1
exit /b 0

:check.python.reference
import sys

values = [1, 2, 3]
for value in values:
    if value > 2:
        print(value, file=sys.stderr)
exit /b 0
