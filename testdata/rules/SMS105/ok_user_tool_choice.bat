@echo off
REM A local admin tool, not a logon script: CHECKRAS and CHOICE by bare name are fine here.
choice /c yn /m "Continue?"
if errorlevel 2 goto END
checkras
:END
