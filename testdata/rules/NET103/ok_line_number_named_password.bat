@echo off
setlocal enabledelayedexpansion
rem The FTP password is on line 4 of the settings file.
set ftp_settings=settings.txt
set get_ftp_password=3
for /f "usebackq skip=%get_ftp_password% delims=" %%A in ("%ftp_settings%") do (
  set ftp_pass=%%A
  goto have_it
)
:have_it
ftp -s:upload.txt
