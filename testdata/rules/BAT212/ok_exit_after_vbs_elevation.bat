@echo off
rem Installs the tools with administrator rights: the script asks for them through a VBS file.
call :need_admin "%~f0"
echo installing the tools
goto :eof

:need_admin
fsutil dirty query %systemdrive% >nul 2>&1 && goto :eof
set "elev=%temp%\elevate_%random%.vbs"
echo Set sh = CreateObject^("Shell.Application"^)> "%elev%"
echo sh.ShellExecute "%~1", "", "", "RunAs", 1 >> "%elev%"
cscript //nologo "%elev%"
exit
