@echo off
rem Quoted paths are one name; paths without a space need no quotes; two real names on
rem one line are two names on purpose.
del /f /s /q "%USERPROFILE%\Local Settings\Temp\*.*"
rd /s /q "%ProgramFiles%\Common Files\OldAgent"
del /q %TEMP%\*.tmp %TEMP%\*.log
rd /s /q C:\Build\obj C:\Build\bin
echo Removing C:\Program Files\OldAgent is done by its uninstaller.
