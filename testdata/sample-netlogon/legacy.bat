@echo off
REM Old SMS 1.2 user script for the warehouse PCs (Windows for Workgroups).
net use h: \\FS3\warehouse /yes
if exist C:\MS\SMS\BIN\SMSRUN16.EXE C:\MS\SMS\BIN\SMSRUN16.EXE
CALL %0\..\SMSLS
