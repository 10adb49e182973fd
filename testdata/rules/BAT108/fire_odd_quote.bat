@echo off
net use h: "\\srv\home & call %0\..\smsls
