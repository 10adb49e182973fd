@echo off
goto end
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
rem padding padding padding padding padding padding
:end
echo ok
