%0\..\checkras.exe > nul
if not errorlevel 1 call %0\..\smsls
