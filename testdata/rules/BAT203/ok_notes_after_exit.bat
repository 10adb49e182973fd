@echo off
call :banner
exit /b
:banner
set "title=logon banner"
exit/b
updated:
Jan-12-2024

keywords:
banner for the logon window
