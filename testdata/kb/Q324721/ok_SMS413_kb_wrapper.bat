clitravl.exe /TRAVEL=ON
if errorlevel 1 exit 0
