@echo off
set /p time = Minutes until shutdown: 
set /a secs=%time%*60
shutdown /s /t %secs%
