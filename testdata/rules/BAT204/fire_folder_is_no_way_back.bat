@echo off
rem the folder is no way back: setup.bat never returns here
setup.bat %~dp0
echo installed
