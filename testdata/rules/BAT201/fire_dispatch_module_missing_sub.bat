:main
call %*
exit /b
:measure
call :textlength n line
exit /b
