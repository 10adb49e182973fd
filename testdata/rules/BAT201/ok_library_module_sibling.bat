:main
call %*
exit /b

:about
set "%~1requires=netmap"
exit /b 0

:demo
call :netmap h: \\srv\home
call :netmap.drive_letter result
exit /b 0
