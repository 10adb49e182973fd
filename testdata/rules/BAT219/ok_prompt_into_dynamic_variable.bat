@echo off
rem DATE is cmd.exe's own: Enter leaves today's date, never an empty value.
:ask
set /p date=Day of the month (h for help): 
if %date%==h goto help
set /a day=%date%+0
echo %day%
goto :eof
:help
echo Type a number.
goto ask
