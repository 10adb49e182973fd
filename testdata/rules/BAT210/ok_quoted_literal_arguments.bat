@echo off
call :show report "T"
call :show summary "D"
goto :eof

:show
if %2 equ "T" (echo title of %1) else (echo text of %1)
if %~2==T echo %1 is a title
exit /b 0
