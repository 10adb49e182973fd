@echo off
for /f %%v in ('findstr /r "^:check_" "%~f0"') do call %%v
exit /b
:check_disk
echo disk
exit /b
:check_net
echo net
exit /b
