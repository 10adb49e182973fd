@echo off
if "%1"=="" goto usage
goto build
:usage
echo usage: build target
goto :eof
:build
echo building %1
