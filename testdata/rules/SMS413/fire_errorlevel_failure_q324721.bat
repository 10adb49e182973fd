REM Q324721: errorlevel 1 is success after /TRAVEL=ON
clitravl.exe /TRAVEL=ON
if errorlevel 1 goto FAILED
exit 0
:FAILED
echo Travel mode could not be set
exit 1
