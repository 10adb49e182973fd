@echo off
set onfail=if errorlevel 1 goto copyfailed
xcopy \\srv\tools c:\tools /y
%onfail%
echo copied
goto :eof
:copyfailed
echo copy failed
