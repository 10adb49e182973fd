@echo off
rem appendcp.bat: append ONE jar, its only argument, to CLASSPATH. The caller runs
rem   for %%i in ("lib\*.jar") do call appendcp.bat "%%i"
rem so the FOR below makes one pass and %CLASSPATH% is the value it should extend.
for %%V in (%1) do set CLASSPATH=%CLASSPATH%;%%V
