@echo off
rem The value comes from the environment: not known here.
if %LOGON_MODE%=="quiet" goto quiet
echo Welcome.
:quiet
