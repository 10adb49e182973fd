@echo off
%0\..\check20 /i
if errorlevel 1 goto restore
if errorlevel 1 goto other
:restore
:other
