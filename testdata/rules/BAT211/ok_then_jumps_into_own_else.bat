@echo off
call :deploy "%~1"
goto :eof

:deploy
if /i "%MODE%"=="link" (
    if not exist "%~1\" goto :copy_one
    mklink /d "%APPDATA%\Tool\%~n1" "%~1"
) else (
    :copy_one
    if exist "%~1" (
        copy /y "%~1" "%APPDATA%\Tool\"
    )
)
goto :eof
