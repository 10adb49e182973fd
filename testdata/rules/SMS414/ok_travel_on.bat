clitravl.exe /TRAVEL=ON /PROMPT=OFF
if errorlevel 1 exit 0
