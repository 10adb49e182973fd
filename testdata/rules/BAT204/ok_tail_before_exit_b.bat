@echo off
call prepare >nul
editor.bat %* /mode:%0
exit/b
