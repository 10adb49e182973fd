@echo off
setlocal
set STAGE=prep
endlocal
pushd "%~dp0"
install.cmd /q
popd
