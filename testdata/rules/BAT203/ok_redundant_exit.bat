@echo off
echo work done
exit /b 0
exit /b
