@echo off
net use h: \\east\home /yes
call tools\patch.bat
