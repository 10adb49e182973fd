@echo off
setlocal
pushd "%~dp0"
if "%~1"=="" goto latest
deploy.bat %1 /silent
goto finish
:latest
deploy.bat current /silent
:finish
popd
endlocal
