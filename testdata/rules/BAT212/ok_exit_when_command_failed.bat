@echo off
rem A failed step ends the whole run with its own exit code: the IF form of "|| exit 1".
call :fetch
call :unpack
echo all done
goto :eof
:fetch
ping -n 1 files.example.org >nul
if %ERRORLEVEL% NEQ 0 (exit 1)
goto :eof
:unpack
expand files.cab -F:* .
if errorlevel 1 exit 2
if not "%errorlevel%"=="0" exit 3
goto :eof
