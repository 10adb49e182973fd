@echo off
rem The lines after the label are shared by both sides: with an argument they never run.
if "%1"=="" goto default
prepare.bat %1
:default
net use z: \\server\share
