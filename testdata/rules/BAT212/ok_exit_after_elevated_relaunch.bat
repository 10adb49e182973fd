@echo off
call :elevate
echo now elevated: installing
goto :eof
:elevate
net session >nul 2>&1 && goto :eof
echo Asking for administrator rights
powershell -NoProfile -Command "Start-Process -FilePath \"%~f0\" -Verb RunAs"
exit
