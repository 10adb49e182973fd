@echo off
call :say "This will remove OneDrive."
SET /P M=Press 'Y' to continue or any other key to exit. 
if %M%==Y goto PROCESSKILL
if %M%==y goto PROCESSKILL
EXIT /B 1
:PROCESSKILL
taskkill /f /im OneDrive.exe
exit /b
:say
echo %~1
goto :eof
