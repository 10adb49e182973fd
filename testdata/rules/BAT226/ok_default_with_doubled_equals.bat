@echo off
:start
rem "set c==1" stores "=1": IF skips the "=" before the operand, so Enter picks option 1.
set c==1
set /p c=Map drives (1, Enter) or remove them (2)? 
if %c%==1 goto map
if %c%==2 goto unmap
:map
net use h: /home
goto :eof
:unmap
net use h: /delete
