@ECHO OFF
SETLOCAL ENABLEDELAYEDEXPANSION
set LOCAL_HOME=
if "%OS%"=="Windows_NT" set LOCAL_HOME="%~dp0"
set CP=
for %%l in (%LOCAL_HOME%lib\*.jar) do set CP=!CP!;%%l
java -cp "%CP%" org.example.Main %*
ENDLOCAL
