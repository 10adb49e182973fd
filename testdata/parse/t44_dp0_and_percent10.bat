cd /d "%~dp0"
echo %10
