@rem Launcher for the report builder (the Gradle-wrapper template)
@if "%DEBUG%"=="" @echo off
if "%OS%"=="Windows_NT" setlocal

set DIRNAME=%~dp0
if "%DIRNAME%"=="" set DIRNAME=.
set APP_HOME=%DIRNAME%
if defined JAVA_HOME goto findJava
java -version >NUL 2>&1
if %ERRORLEVEL% equ 0 goto execute
echo ERROR: no java found.
goto fail
:findJava
set JAVA_EXE=%JAVA_HOME:"=%\bin\java.exe
:execute
"%JAVA_EXE%" -jar "%APP_HOME%\builder.jar" %*
:end
if %ERRORLEVEL% equ 0 goto mainEnd
:fail
exit /b 1
:mainEnd
if "%OS%"=="Windows_NT" endlocal
