@rem Launcher for the inventory tool
@if "%OS%"=="Windows_NT" setlocal

set DIRNAME=%~dp0
if "%DIRNAME%"=="" set DIRNAME=.
set APP_HOME=%DIRNAME%..
if defined JAVA_HOME goto findJava
java -version >nul 2>&1
if %ERRORLEVEL% equ 0 goto run
echo No java found.
goto end
:findJava
set JAVA_EXE=%JAVA_HOME%\bin\java.exe
:run
"%JAVA_EXE%" -jar "%APP_HOME%\lib\inventory.jar" %*
:end
@if "%OS%"=="Windows_NT" endlocal
