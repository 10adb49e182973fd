@echo off
echo CHECK FAILED
pause
shutdown -s -f -t 0
exit
