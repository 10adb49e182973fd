@echo off
call %0\..\smsls
