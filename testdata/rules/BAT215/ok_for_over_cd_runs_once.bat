@echo off
rem `('cd')` prints one line, the current folder: the body runs once, and reading the
rem value from before the loop is the point (a drive added to a root-relative path).
set "TARGET=\Logs\agent"
if "%TARGET:~0,1%"=="\" (
    for /f "delims=" %%D in ('cd') do set "TARGET=%%~dD%TARGET%"
)
echo %TARGET%
