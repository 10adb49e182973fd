clitravl.exe /TRAVEL=ON
if errorlevel 1 goto DONE
echo not in travelling mode
:DONE
