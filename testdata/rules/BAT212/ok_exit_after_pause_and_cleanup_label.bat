@echo off
set operation=ask
goto %operation%

:ask
call :xml
echo compiling
goto End

:xml
if exist "%~dp0xmlb.exe" exit /b
echo xmlb not found. Check the Readme.
goto Errors

:End
if not exist "%erl%" goto cleanup
:Errors
echo There was an error in the process.
pause
:cleanup
del "%tem%"
EXIT
