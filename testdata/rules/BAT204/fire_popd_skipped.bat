@echo off
pushd "%~dp0"
setup.bat /quiet
:LEAVE
popd
