@echo off
goto END
call %0\..\smsls
:END
