@echo off
%0\..\netspeed
if errorlevel 1 goto slow
REM 2 means ask the user
if errorlevel 2 goto prompt
call %0\..\smsls
:slow
:prompt
