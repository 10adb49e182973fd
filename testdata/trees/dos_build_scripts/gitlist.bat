@echo off
@REM "| findstr /v /c:\.git\ >" leaves the git folder out of the list
dir /s /b | findstr /v /c:\.git\ > list.txt
