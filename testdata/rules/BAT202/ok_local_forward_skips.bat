@echo off
net use h: /delete /y >nul 2>&1
if %errorlevel%==0 goto NEXT
echo h: was not mapped
:NEXT
net use h: /home
net use s: /delete /y >nul 2>&1
if %errorlevel%==0 goto NEXT
echo s: was not mapped
:NEXT
net use s: \\srv\shared
