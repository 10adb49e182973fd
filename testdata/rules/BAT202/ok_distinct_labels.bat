@echo off
goto lan
:ras
echo ras
goto end
:lan
call %0\..\smsls
:end
