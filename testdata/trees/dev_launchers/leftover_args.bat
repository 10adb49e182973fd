@echo off
rem Starts the launcher; an old template's Windows 9x argument loop is still in it.
if "%JAVA_HOME%"=="" (set JAVA_HOME=C:\jdk)
for /f %%j in ("java.exe") do set JAVA_EXE="%%~$PATH:j"
%JAVA_EXE% -version >nul 2>&1
if not "%OS%"=="Windows_NT" goto win9xArgs
set ARGS=%*
goto run
:win9xArgs
set ARGS=%1 %2 %3
:run
%JAVA_EXE% -jar "%~dp0app.jar" %ARGS%
