@echo off
net use h: /home
%0\..\smsls
