@if (@X)==(@Y) @end /* JScript part begins
@echo off
cscript //E:JScript //nologo "%~f0" %*
exit /b %errorlevel%
@if (@X)==(@Y) @end JScript part ends */
WScript.Echo("inventory done");
