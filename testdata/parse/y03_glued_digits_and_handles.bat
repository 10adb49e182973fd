@echo off
echo build1>out.txt
echo build 1>out.txt
echo Revision=1>>ver.inf
echo %1>>log.txt
echo %~nx0>>log.txt
ping -n 2 127.0.0.1>nul
set LEVEL=2>nul
dir 2>nul
