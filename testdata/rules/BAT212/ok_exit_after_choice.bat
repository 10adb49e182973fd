@echo off
call :stage
echo done
goto :eof
:stage
xcopy \\srv\pkg c:\pkg /e /y || goto :StageFailed
goto :eof
:StageFailed
echo ERROR: the package could not be copied
echo Press 9 to exit.
choice /c 9 /n
if errorlevel 1 (exit) else (rem.)
