@echo off
: check that the SMS client is installed
if not exist %windir%\ms\sms goto noclient
: check that the site code is set
if "%SITE%"=="" goto nosite
exit /b
:noclient
echo no SMS client
exit /b
:nosite
echo no site code
