@echo off
if "%~1"=="" goto usage
msiexec /i "%~1" /qn /l*v "%~2\install.log"
goto :eof
:usage
echo "Usage: install.bat <msi path> <log dir>
