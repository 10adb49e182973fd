@echo off
rem The upload commands are generated into a file; a missing setting stops the whole run.
call :commands > "%temp%\upload.ftp"
ftp -n -s:"%temp%\upload.ftp"
exit /b 0

:commands
for /f "usebackq tokens=1,2 delims==" %%k in ("%~dp0upload.ini") do set "%%k=%%l"
if defined host (
  echo open %host%
) else (
  exit
)
if not exist "%~dp0dist\site.zip" exit
echo binary
echo put "%~dp0dist\site.zip"
echo quit
exit /b
