@echo off
rem Sign the installer with the SDK tool.
rem >>> pass the file to sign as the first argument
set signer="C:\Program Files (x86)\Windows Kits\10\bin\x64\signtool.exe"
%signer% sign /a %1
