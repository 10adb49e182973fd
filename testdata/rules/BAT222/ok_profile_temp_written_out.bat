@echo off
rem The profile's own temp folder, written out: every profile has it.
cd /d "%USERPROFILE%\AppData\Local\Temp"
del /f /s /q *
