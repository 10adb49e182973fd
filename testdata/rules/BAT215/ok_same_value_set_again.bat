@echo off
rem The retry block sets the server name again to the value it already has, so the
rem old value cmd.exe reads into the block is the same text.
set srv=fileserver
net use Z: \\%srv%\netlogon
if errorlevel 1 (
    set srv=fileserver
    net use Z: \\%srv%\netlogon
)
