rem^ &@echo off
rem^ &find "needle" "%~dp0haystack.txt" >nul 2>&1
rem A batch/VBScript hybrid: `rem^ ` runs REM (nothing), so %ErrorLevel% on the line is
rem still FIND's code from the line before.
Rem^ &@If %ErrorLevel% EQU 0 ( @Set "found=1" ) Else ( @Set "found=0" )
rem^ &@echo %found%
