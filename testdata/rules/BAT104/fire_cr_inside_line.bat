@echo off
net use h: /homecall %0\..\smsls
:end
