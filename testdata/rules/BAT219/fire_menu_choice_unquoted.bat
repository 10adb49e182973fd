@echo off
:menu
echo 1 = map the team drives
echo 2 = remove them
echo 3 = quit
set /p pick=Your choice: 
if %pick%==1 goto map
if %pick%==2 goto unmap
if %pick% EQU 3 goto :eof
goto menu
:map
net use T: \\files\team /persistent:no
goto :eof
:unmap
net use T: /delete
