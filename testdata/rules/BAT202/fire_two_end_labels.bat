@echo off
goto end
:end
call %0\..\smsls
goto end
:END
echo second
