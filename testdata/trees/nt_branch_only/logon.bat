@echo off
if not "%OS%"=="Windows_NT" goto W9X
call %0\..\nttools.bat
goto END
:W9X
net use h: /home
:END
