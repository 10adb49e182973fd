@echo off
rem map the printers once per profile
if not exist "%APPDATA%\printers.done" (
    rundll32 printui.dll,PrintUIEntry /dn /n \\PRN02\Old
    \\FS02\logon$\printers\%USERNAME%.cmd
    echo done> "%APPDATA%\printers.done"
)
