@echo off
call :one MSSQL$SALES
goto :eof
:one
set name=%1
if "%name%"=="MSSQLSERVER" (
  set name=%COMPUTERNAME%
) else (
  rem Both lines strip the prefix from the instance name as it came in.
  set name=%COMPUTERNAME%\%name:MSSQL$=%
  set out=%COMPUTERNAME%_%name:MSSQL$=%.txt
)
echo %name% %out%
