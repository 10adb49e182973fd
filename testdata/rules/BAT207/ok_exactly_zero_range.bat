@echo off
rem `errorlevel 0` and `not errorlevel 1` together: exit code exactly 0 (the first
rem half keeps negative codes out).
"%JAVAC%" -version >nul 2>&1
IF ERRORLEVEL 0 IF NOT ERRORLEVEL 1 SET HAVE_JAVAC=1
if defined HAVE_JAVAC echo javac works
