@echo off
slownet \\siteserver1\share 0
if errorlevel 1 goto SMS
goto END
:SMS
call %0\..\smsls
:END
