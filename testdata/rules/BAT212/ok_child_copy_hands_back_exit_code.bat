@echo off
rem The watcher runs in a child copy of this script; the child hands its result back as the exit code.
if /i "%~1"=="watch" goto watch
cmd /d /c "%~f0" watch
if errorlevel 3 echo An update is waiting.
if errorlevel 2 echo The watcher was told to stop.
exit /b

:watch
call :poll
timeout /t 5 /nobreak >nul
goto watch

:poll
if exist "%temp%\watch.stop" exit 2
if exist "%temp%\update.ready" exit 3
goto :eof
