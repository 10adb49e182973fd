@echo off
set /p answer=Remove the old profiles now (y/n)? 
if /i %answer%=="y" goto remove
echo Nothing removed.
goto :eof
:remove
rd /s /q "%userprofile%\old_profiles"
