@echo off
net use S: \\FILES\sales
if errorlevel 1 goto failed
echo mapped
