@echo off
choice /c:abc
if errorlevel 1 set PICK=a
if errorlevel 2 set PICK=b
if errorlevel 3 set PICK=c
