@echo off
%0\..\netspeed
if errorlevel 2 goto prompt
if errorlevel 1 goto slow
call %0\..\smsls
:slow
:prompt
