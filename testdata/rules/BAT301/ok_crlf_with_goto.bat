@echo off
goto end
:end
