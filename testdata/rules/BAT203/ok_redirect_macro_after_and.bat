@echo off
set "q=>nul 2>&1"
reg query HKLM\Software\Microsoft\SMS %q% && %q% call :smsowner
goto :eof
:smsowner
echo SMS key present
exit /b
