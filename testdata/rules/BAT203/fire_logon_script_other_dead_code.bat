@echo off
GOTO END
call %0\..\smsls
:END
goto :eof
echo really dead
