:netmap
net use %1 %2
exit /b 0
:netmap.drive_letter
set "%~1=h:"
exit /b 0
