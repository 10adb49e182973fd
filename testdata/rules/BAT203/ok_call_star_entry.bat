:main
call %*
exit /b

:describe
set "%~1version=1.2"
exit /b 0
