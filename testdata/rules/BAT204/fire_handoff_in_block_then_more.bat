@echo off
if not exist "%APPDATA%\printers.done" (
    \\FS02\logon$\printers\%USERNAME%.cmd
    echo done> "%APPDATA%\printers.done"
)
net use S: \\FS02\shared
