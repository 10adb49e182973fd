@echo off
if exist C:\MS\SMS\BIN\SMSRUN16.EXE C:\MS\SMS\BIN\SMSRUN16.EXE
set SMS_BIN=D:\ms\sms\bin
