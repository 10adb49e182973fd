@echo off
goto install_new
:install_old
echo old
goto end
:install_new
echo new
:end
