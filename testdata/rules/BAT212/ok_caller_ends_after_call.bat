rem Install the package, its log kept apart
set "logdir=C:\Logs"
call :install > "%logdir%\package.log" 2>&1
exit /b

:install
echo [BEGIN] %date% %time%
msiexec /qn /i "%~dp0package.msi"
echo [END] %date% %time%
exit
