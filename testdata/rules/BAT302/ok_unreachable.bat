@echo off
goto end
setlocal
:end
