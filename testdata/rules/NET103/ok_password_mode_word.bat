@echo off
rem An empty answer picks a generated password; the word is a mode, not a secret.
set /p NEWPASSWORD=Password for the new account (Enter = generated): 
if "%NEWPASSWORD%"=="" set NEWPASSWORD=Random
if /i "%NEWPASSWORD%"=="random" (
  net user trainee /random /add
) else (
  net user trainee "%NEWPASSWORD%" /add
)
set SVC_PASSWORD=none
if "%SVC_PASSWORD%"=="none" goto :eof
sc config demo password= %SVC_PASSWORD%
