@echo off
if "%1"=="" goto end
game.exe %1
:end