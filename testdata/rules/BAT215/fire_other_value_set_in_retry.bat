@echo off
rem The block sets a different server: the retry still uses the first one.
set srv=fileserver
net use Z: \\%srv%\netlogon
if errorlevel 1 (
    set srv=backupserver
    net use Z: \\%srv%\netlogon
)
