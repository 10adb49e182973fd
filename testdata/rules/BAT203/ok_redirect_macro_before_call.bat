@echo off
set "_quiet=1>nul 2>nul"
%_quiet% call :cleanup
echo done
goto :eof
:cleanup
del %TEMP%\sms*.tmp
goto :eof
