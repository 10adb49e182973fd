@echo off
:menu
cls
echo 1) Disk tools
echo 2) Network tools
choice /c 12 /n
if errorlevel 2 goto net
if errorlevel 1 goto disk
:disk
cd tools
disktools.cmd
cd..
:net
cd tools
nettools.cmd
