@echo off
REM Builds a shortcut script line by line; one line is commented out.
echo Set s = CreateObject("WScript.Shell") > %VBFILE%
rem echo s.Description = "" >> %VBFILE%
echo s.Save >> %VBFILE%
