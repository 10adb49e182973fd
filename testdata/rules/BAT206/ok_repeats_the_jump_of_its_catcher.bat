@echo off
choice /c:yns Install now
if errorlevel 2 goto skip
if errorlevel 1 goto install
rem a leftover repeat of the first test: the same jump
if errorlevel 3 goto skip
:install
call setup.bat
:skip
