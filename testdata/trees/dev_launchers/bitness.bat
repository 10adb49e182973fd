@echo off
rem picks the 32- or 64-bit tool folder
set OS=64BIT
if exist "%SystemRoot%\SysWOW64\nul" goto tools
set OS=32BIT
:tools
if "%OS%"=="32BIT" (
    set "TOOLS=%~dp0x86"
) else (
    set "TOOLS=%~dp0x64"
)
for /f "delims=" %%t in (%~dp0tools.txt) do call :run %%t
exit /b
:run
"%TOOLS%\%~1.exe" /quiet
exit /b
