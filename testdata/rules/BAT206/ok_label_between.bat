@echo off
if errorlevel 1 goto a
:again
if errorlevel 2 goto b
:a
:b
