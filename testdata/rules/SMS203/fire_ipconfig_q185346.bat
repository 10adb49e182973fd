REM  RAS BYPASS (Q185346)
ipconfig | find "255.255.0.0" > nul
   IF errorlevel 1 GOTO SKIP_RAS

:SKIP_RAS
call %0\..\smsls
