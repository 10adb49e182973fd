setlocal EnableDelayedExpansion
call :f
exit /b 3
:f
exit
