exit
exit /b
exit /B 1
exit 5
