@echo off
%0\..\checkras.exe
net use h: /home
