@echo off
rem `time /t` prints one line: the body runs once, after the line above set BUILD.
for /f "tokens=1" %%d in ('date /t') do set BUILD=nightly-%%d
for /f "tokens=1,2 delims=:" %%h in ('time/t') do set BUILD=%BUILD%-%%h%%i
echo Packaging %BUILD%
