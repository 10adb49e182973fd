@echo off
%0\..\smsls
net use h: /home
