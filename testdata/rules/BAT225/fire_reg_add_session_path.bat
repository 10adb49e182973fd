@echo off
rem The session PATH written back into the machine Path with reg add.
set "NEWPATH=%PATH%;%~dp0bin"
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment" /v Path /t REG_EXPAND_SZ /d "%NEWPATH%" /f
reg add HKCU\Environment /v TOOLS /d "%PATH%" /f
