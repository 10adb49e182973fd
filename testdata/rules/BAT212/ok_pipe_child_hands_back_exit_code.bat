@echo off
rem The watcher runs on the right side of a pipe, as a child copy of this script; its exit code is its answer.
if not "%~1"=="" goto %~1
"%~f0" control >"%temp%\sig.txt" | "%~f0" watch <"%temp%\sig.txt"
echo the watcher ended with code %errorlevel%
exit /b

:control
echo go
exit /b

:watch
call :poll
goto :eof

:poll
if exist "%temp%\update.ready" exit 3
goto :eof
