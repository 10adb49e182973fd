@echo off
rem The helper starts this script again, elevated, with an argument: the rest of
rem it runs then. Its own path is handed over as folder plus name.
if [%1]==[] %~dp0\..\utility\getadmin.bat "%~dp0\%~nx0"
if [%1]==[] goto :eof
echo installing as administrator
